// Phases of one project are one history (data/phaseHistory.ts): consecutive phases compared by
// IFC GlobalId, brute force, give exactly the counts the README's "Phase history" table states,
// from the data layer for every pair and over HTTP, in both dialects, for one pair.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_PHASES, DEMO_IDS, type PhaseNode } from './data/catalog';
import { DemoData } from './data/demoData';
import { page, selectStoreys } from './data/indexedList';
import { startEmulator, type Emulator } from './index';
import { apiGet } from './testing/http';
import { signInWithPassword } from './testing/signIn';
import { spellingOf } from './testing/spelling';

/** One object as a phase comparison sees it: names, not ids (ids differ per phase). */
interface Seen { name: string; typeName: string; ifcType: string; storeyName: string }
type Snapshot = Map<string, Seen>;

interface Difference {
  before: number; after: number; added: number; removed: number; changed: number;
  name: number; objectType: number; ifcType: number; storey: number; unchanged: number;
}

// The README's table ("Phase history"), default sizes 2,500 and 100,000.
const EXPECTED: Record<string, Difference> = {
  'Nieuwbouw Gebouw B SO→VO': { before: 2500, after: 2500, added: 56, removed: 56, changed: 212, name: 55, objectType: 38, ifcType: 34, storey: 124, unchanged: 2232 },
  'Nieuwbouw Gebouw B VO→DO': { before: 2500, after: 2500, added: 56, removed: 56, changed: 179, name: 39, objectType: 22, ifcType: 20, storey: 124, unchanged: 2265 },
  'Nieuwbouw Gebouw B DO→UITV': { before: 2500, after: 2500, added: 56, removed: 56, changed: 196, name: 38, objectType: 32, ifcType: 28, storey: 128, unchanged: 2248 },
  'Nieuwbouw Gebouw B UITV→BEH': { before: 2500, after: 2500, added: 56, removed: 56, changed: 187, name: 39, objectType: 35, ifcType: 30, storey: 116, unchanged: 2257 },
  'Nieuwbouw Ziekenhuis Oost DO→GM': { before: 2500, after: 100000, added: 97554, removed: 54, changed: 201, name: 58, objectType: 27, ifcType: 20, storey: 120, unchanged: 2245 },
};

// The README's overview of "Nieuwbouw Gebouw B" DO: objects per storey (building order) and per IFC class.
const DO_PER_STOREY = [
  ['Hoofdgebouw', '-01 Kelder', 358], ['Hoofdgebouw', '00 Begane grond', 357], ['Hoofdgebouw', '01 Eerste verdieping', 357],
  ['Hoofdgebouw', '02 Tweede verdieping', 357], ['Hoofdgebouw', '03 Derde verdieping', 357], ['Hoofdgebouw', '04 Vierde verdieping', 357],
  ['Fietsenstalling', '00 Begane grond', 357],
];
const DO_PER_IFC_TYPE = {
  IfcWall: 606, IfcWindow: 392, IfcFireSuppressionTerminal: 273, IfcBeam: 258, IfcColumn: 237,
  IfcCovering: 220, IfcSlab: 209, IfcDoor: 191, IfcRailing: 114,
};

function compare(before: Snapshot, after: Snapshot): Difference {
  const d: Difference = { before: before.size, after: after.size, added: 0, removed: 0, changed: 0, name: 0, objectType: 0, ifcType: 0, storey: 0, unchanged: 0 };
  for (const globalId of before.keys()) if (!after.has(globalId)) d.removed++;
  for (const [globalId, now] of after) {
    const then = before.get(globalId);
    if (!then) { d.added++; continue; }
    const flags = [then.name !== now.name, then.typeName !== now.typeName, then.ifcType !== now.ifcType, then.storeyName !== now.storeyName];
    d.name += Number(flags[0]); d.objectType += Number(flags[1]); d.ifcType += Number(flags[2]); d.storey += Number(flags[3]);
    if (flags.some(Boolean)) d.changed++; else d.unchanged++;
  }
  return d;
}

const data = new DemoData({ objectInstances: 2_500, largePhaseObjectInstances: 100_000 });
const phasesOf = (project: string): PhaseNode[] => ALL_PHASES.filter((p) => p.path[2] === project);

function snapshotOf(phase: PhaseNode): Snapshot {
  const { collections, structure } = data.dataset(phase);
  const types = new Map<string, string>();
  for (let i = 0; i < collections.objectTypes.count; i++) types.set(collections.objectTypes.at(i).id, collections.objectTypes.at(i).name);
  const storeys = new Map(structure.storeys.map((s) => [s.id, s.name]));
  const snapshot: Snapshot = new Map();
  for (let i = 0; i < collections.objectInstances.count; i++) {
    const o = collections.objectInstances.at(i);
    snapshot.set(o.globalId, { name: o.name, typeName: types.get(o.objectTypeId)!, ifcType: o.ifcType, storeyName: storeys.get(o.storeyId)! });
  }
  expect(snapshot.size, `GlobalIds unique in ${phase.path.join('/')}`).toBe(collections.objectInstances.count);
  return snapshot;
}

describe('phase history (data layer)', () => {
  for (const project of ['Nieuwbouw Gebouw B', 'Nieuwbouw Ziekenhuis Oost']) {
    it(`${project}: consecutive phases differ exactly as the README states`, () => {
      const phases = phasesOf(project);
      const snapshots = phases.map(snapshotOf);
      for (let k = 1; k < phases.length; k++) {
        const pair = `${project} ${phases[k - 1]!.code}→${phases[k]!.code}`;
        expect(compare(snapshots[k - 1]!, snapshots[k]!), pair).toEqual(EXPECTED[pair]);
      }
    });
  }

  it('gives a type index the same name, class and materials in every phase of a project, with its own id', () => {
    const [a, b] = phasesOf('Nieuwbouw Ziekenhuis Oost').map((p) => data.dataset(p).collections);
    for (let i = 0; i < a!.objectTypes.count; i++) {
      const [ta, tb] = [a!.objectTypes.at(i), b!.objectTypes.at(i)];
      expect({ ...ta, id: '', materialIds: ta.materialIds.map((m) => a!.materials.at(a!.materials.indexOf(m)!).name) })
        .toEqual({ ...tb, id: '', materialIds: tb.materialIds.map((m) => b!.materials.at(b!.materials.indexOf(m)!).name) });
      expect(ta.id).not.toBe(tb.id);
    }
    for (const phase of ALL_PHASES.filter((p) => p.size === 'default')) {
      const types = data.dataset(phase).collections.objectTypes;
      const names = new Set(Array.from({ length: types.count }, (_, i) => types.at(i).name));
      expect(names.size, `type names unique in ${phase.path.join('/')}`).toBe(types.count);
    }
  });

  it('counts "Nieuwbouw Gebouw B" DO per storey and per IFC class as the README states', () => {
    const { collections, structure } = data.dataset(ALL_PHASES.find((p) => p.id === DEMO_IDS.gebouwBDefinitiefOntwerp)!);
    const list = collections.objectInstances;
    const perIfc: Record<string, number> = {};
    for (let i = 0; i < list.count; i++) perIfc[list.at(i).ifcType] = (perIfc[list.at(i).ifcType] ?? 0) + 1;
    expect(perIfc).toEqual(DO_PER_IFC_TYPE);
    const perStorey = structure.storeys.map((storey, s) => {
      const onStorey = selectStoreys(list, s, s + 1);
      // The server's storey filter returns exactly the objects whose storey field is that storey.
      const brute = Array.from({ length: list.count }, (_, i) => list.at(i)).filter((o) => o.storeyId === storey.id);
      expect(page(onStorey, 0, list.count)).toEqual(brute);
      return [structure.byId.get(storey.parentId!)!.name, storey.name, onStorey.total];
    });
    expect(perStorey).toEqual(DO_PER_STOREY);
  });
});

describe.each(['bimlink', 'aspnet'] as const)('phase history over HTTP (%s)', (dialect) => {
  let emulator: Emulator;
  let token: string;
  const spelling = spellingOf(dialect);
  const key = spelling.key;

  beforeAll(async () => {
    emulator = await startEmulator({ dialect });
    token = (await signInWithPassword(emulator, 'anna@demo-bimlink.nl')).accessToken;
  });
  afterAll(() => emulator.close());

  async function all(phaseId: string, collection: string): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    for (;;) {
      const path = `/domainaccounts/${DEMO_IDS.demoVastgoed}/projectphases/${phaseId}/${spelling.collection(collection)}?limit=250&offset=${items.length}`;
      const response = await apiGet<Record<string, unknown>[]>(emulator, path, token);
      expect(response.status).toBe(200);
      items.push(...response.body);
      if (response.body.length < 250) return items;
    }
  }

  async function served(phaseId: string): Promise<Snapshot> {
    const names = async (collection: string): Promise<Map<string, string>> =>
      new Map((await all(phaseId, collection)).map((e) => [String(e[key('id')]).toLowerCase(), String(e[key('name')])]));
    const [types, elements, objects] = await Promise.all([names('objecttypes'), names('spatialstructureelements'), all(phaseId, 'objectinstances')]);
    const id = (o: Record<string, unknown>, field: string): string => String(o[key(field)]).toLowerCase();
    return new Map(objects.map((o) => [String(o[key('globalId')]), {
      name: String(o[key('name')]), typeName: types.get(id(o, 'objectTypeId'))!, ifcType: String(o[key('ifcType')]), storeyName: elements.get(id(o, 'spatialStructureElementId'))!,
    }]));
  }

  it('serves VO→DO of "Nieuwbouw Gebouw B" with the README counts', async () => {
    const [vo, doPhase] = phasesOf('Nieuwbouw Gebouw B').slice(1, 3).map((p) => p.id);
    const [before, after] = await Promise.all([served(vo!), served(doPhase!)]);
    expect(compare(before, after)).toEqual(EXPECTED['Nieuwbouw Gebouw B VO→DO']);
  });
});
