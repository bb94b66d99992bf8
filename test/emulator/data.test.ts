// The generator: deterministic, ids invertible, storey arithmetic equal to brute force.

import { describe, expect, it } from 'vitest';
import { DEMO_IDS } from './data/catalog';
import { DemoData } from './data/demoData';
import { entityId, entityIndex, guidFromName, ifcGlobalId } from './data/ids';
import { page, selectStoreys, type IndexedList } from './data/indexedList';
import { DEMO_USERS } from './data/users';
import { PHASE_ROUTES } from './routes';

const anna = DEMO_USERS[0]!;

function phaseData(objectInstances: number) {
  const lookup = new DemoData({ objectInstances, largePhaseObjectInstances: 10 }).phase(anna, DEMO_IDS.demoVastgoed, DEMO_IDS.gebouwBDefinitiefOntwerp);
  if (lookup.status !== 'ok') throw new Error(lookup.status);
  return lookup.dataset;
}

describe('ids', () => {
  it('are GUID-shaped, stable, and encode the index invertibly', () => {
    expect(guidFromName('x')).toBe(guidFromName('x'));
    expect(guidFromName('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    for (const index of [0, 1, 2, 999_999, 4_000_000_000]) {
      const id = entityId(123, 1, index);
      expect(entityIndex(id, 123, 1)).toBe(index);
      expect(entityIndex(id.toUpperCase(), 123, 1)).toBe(index);
      expect(entityIndex(id, 124, 1)).toBeUndefined();
      expect(entityIndex(id, 123, 2)).toBeUndefined();
    }
  });

  it('gives unique IFC GlobalIds in the IFC base-64 alphabet', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 50_000; i++) ids.add(ifcGlobalId(7, i));
    expect(ids.size).toBe(50_000);
    for (const id of [...ids].slice(0, 100)) expect(id).toMatch(/^[0-3][0-9A-Za-z_$]{21}$/);
  });
});

describe('generated data', () => {
  it('is the same for two independent generators', () => {
    const a = phaseData(2_500);
    const b = phaseData(2_500);
    for (const route of PHASE_ROUTES) {
      const la = route.open(a.collections);
      const lb = route.open(b.collections);
      expect(la.count).toBe(lb.count);
      for (const i of [0, 1, Math.floor(la.count / 2), la.count - 1]) expect(la.at(i)).toEqual(lb.at(i));
    }
  });

  it('filters by storey range exactly like a brute-force scan', () => {
    const dataset = phaseData(1_003);
    const storeys = dataset.structure.storeys.length;
    for (const route of PHASE_ROUTES.filter((r) => r.storeyFilter)) {
      const list = route.open(dataset.collections) as IndexedList<Record<string, unknown>>;
      for (const [from, to] of [[0, 1], [2, 3], [1, 4], [0, storeys]] as const) {
        const expected: number[] = [];
        for (let i = 0; i < list.storeyLinked; i++) if (i % storeys >= from && i % storeys < to) expected.push(i);
        const selection = selectStoreys(list, from, to);
        expect(selection.total, `${route.name} ${from}-${to}`).toBe(expected.length);
        expect(page(selection, 0, 5000)).toEqual(expected.map((i) => list.at(i)));
      }
    }
  });

  it('links documents and to-dos to an instance on their own storey', () => {
    const dataset = phaseData(997);
    const instances = dataset.collections.objectInstances;
    const storeys = dataset.structure.storeys;
    for (const list of [dataset.collections.documents, dataset.collections.todos]) {
      for (let i = 0; i < list.storeyLinked; i++) {
        const item = list.at(i);
        const instance = instances.at(instances.indexOf(item.objectInstanceId!)!);
        expect(instance.storeyId).toBe(storeys[i % storeys.length]!.id);
      }
    }
  });

  it('handles a phase with no object instances', () => {
    const dataset = phaseData(0);
    expect(dataset.collections.objectInstances.count).toBe(0);
    expect(dataset.collections.documents.storeyLinked).toBe(0);
    expect(dataset.collections.todos.count).toBeGreaterThan(0);
    expect(dataset.collections.objectTypes.at(0).name).toContain(':');
  });
});
