// Find usages against both dialects: what it reports is exactly what a full read of the referring collections holds
// (checked by brute force over the same data), in every spelling, with progress, and it stops when cancelled.
import { describe, expect, it } from 'vitest';
import { isBimlinkApiError } from '../../../src/core/api/errors';
import { entityIdOf } from '../../../src/core/api/readDto';
import { findUsages, type Usage, type UsageProgress } from '../../../src/core/references/findUsages';
import { ReferenceTable, SPATIAL_STRUCTURE } from '../../../src/core/references/referenceTable';
import { DIALECTS, useDialectSessions } from './support/dialectSessions';

const sessionOf = useDialectSessions();

describe.each(DIALECTS)('find usages (%s)', dialect => {
  const session = () => sessionOf(dialect);

  /** Every `collection` entity whose `key` (as this dialect spells it) holds `id`, by a plain full read. */
  async function bruteForce(collection: string, key: string, id: string): Promise<string[]> {
    const out: string[] = [];
    for await (const page of session().client.entityPages({ ...session().scope, collection }, { limit: 250 })) {
      for (const e of page.items) if (String(e[session().spelling.key(key)]).toLowerCase() === id.toLowerCase()) out.push(entityIdOf(e));
    }
    return out;
  }

  it('"which object instances, properties and documents use this type?" — every one, with progress', async () => {
    const { client, scope } = session();
    const [type] = (await client.getEntityPage({ ...scope, collection: 'objecttypes' }, { offset: 5, limit: 1 })).items;
    const typeId = entityIdOf(type!).toLowerCase(); // ids compare ignoring case (aspnet sends them upper case)
    const usages: Usage[] = [];
    const progress: UsageProgress[] = [];
    const summary = await findUsages(client, await ReferenceTable.of(client), scope, { collection: 'objecttypes', id: typeId },
      { onUsage: u => usages.push(u), onProgress: p => progress.push(p) });
    expect(summary.collections.slice().sort()).toEqual(['documents', 'objectinstances', 'properties']);
    for (const collection of summary.collections) {
      expect(usages.filter(u => u.collection === collection).map(u => u.id)).toEqual(await bruteForce(collection, 'objectTypeId', typeId));
    }
    expect(usages.filter(u => u.collection === 'objectinstances').length).toBeGreaterThan(0);
    expect(usages[0]).toMatchObject({ key: session().spelling.key('objectTypeId'), label: expect.any(String) });
    expect(progress.at(-1)).toEqual({ read: summary.read, total: summary.read, found: usages.length });
  });

  it('"which objects are on this storey?" — instances, spaces, and the elements below it', async () => {
    const { client, scope } = session();
    const structure = await client.getSpatialStructure(scope);
    const storey = structure.find(e => e.type === 'Storey')!;
    const usages: Usage[] = [];
    await findUsages(client, await ReferenceTable.of(client), scope, { collection: SPATIAL_STRUCTURE, id: storey.id }, { onUsage: u => usages.push(u) });
    expect(usages.filter(u => u.collection === 'objectinstances').map(u => u.id))
      .toEqual(await bruteForce('objectinstances', 'spatialStructureElementId', storey.id));
    expect(usages.filter(u => u.collection === 'spaces').length).toBeGreaterThan(0);
    const building = structure.find(e => e.type === 'Building')!;
    const children: Usage[] = [];
    await findUsages(client, await ReferenceTable.of(client), scope, { collection: SPATIAL_STRUCTURE, id: building.id }, { onUsage: u => children.push(u) });
    expect(children.filter(u => u.collection === SPATIAL_STRUCTURE).map(u => u.id).sort())
      .toEqual(structure.filter(e => e.parentId?.toLowerCase() === building.id.toLowerCase()).map(e => e.id).sort());
  });

  it('a type\'s materials: ids inside arrays', async () => {
    const { client, scope } = session();
    const [material] = (await client.getEntityPage({ ...scope, collection: 'materials' }, { offset: 0, limit: 1 })).items;
    const usages: Usage[] = [];
    await findUsages(client, await ReferenceTable.of(client), scope, { collection: 'materials', id: entityIdOf(material!) }, { onUsage: u => usages.push(u) });
    expect(usages.length).toBeGreaterThan(0);
    expect(usages.every(u => (u.entity[session().spelling.key('materialIds')] as string[]).includes(entityIdOf(material!)))).toBe(true);
  });

  it('stops when cancelled, having reported what it found until then', async () => {
    const { client, scope } = session();
    const controller = new AbortController();
    let pages = 0;
    const search = findUsages(client, await ReferenceTable.of(client), scope, { collection: 'objectinstances', id: 'x' },
      { signal: controller.signal, onProgress: () => { if (++pages === 1) controller.abort(); } });
    await expect(search).rejects.toSatisfy(e => isBimlinkApiError(e) && e.kind === 'cancelled');
    expect(pages).toBeLessThan(4);
  });
});
