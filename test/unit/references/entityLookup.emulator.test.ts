// Entity lookup where the server has no single-entity route: the emulator serves none for the spatial structure
// (`…/spatialstructureelements/<id>` answers 404), so the element is found by scanning the collection's pages.
import { describe, expect, it } from 'vitest';
import { isBimlinkApiError } from '../../../src/core/api/errors';
import { entityIdOf } from '../../../src/core/api/readDto';
import { EntityLookup } from '../../../src/core/references/entityLookup';
import { SPATIAL_STRUCTURE } from '../../../src/core/references/referenceTable';
import { DIALECTS, useDialectSessions } from './support/dialectSessions';

const sessionOf = useDialectSessions();

const unknown = '00000000-0000-4000-8000-00000000abcd';

describe.each(DIALECTS)('finding an entity without its route (%s)', dialect => {
  const session = () => sessionOf(dialect);

  it('a 404 on the route: found in its collection, then instantly and without the route again', async () => {
    const { client, scope } = session();
    const elements = await client.getSpatialStructure(scope);
    const lookup = new EntityLookup(client);
    const at = { ...scope, collection: SPATIAL_STRUCTURE };
    const progress: [number, number | undefined][] = [];
    const before = session().apiRequests();
    const found = await lookup.get(at, elements.at(-1)!.id.toLowerCase(), { onProgress: (count, total) => progress.push([count, total]) });
    expect(found).toEqual(elements.at(-1)!.data);
    expect(session().emulator.stats().responses['404']).toBeGreaterThan(0);
    expect(progress.at(-1)).toEqual([elements.length, elements.length]);
    const afterScan = session().apiRequests();
    expect(afterScan - before).toBeLessThanOrEqual(3); // the route, then one page (or two where the last needs a probe)
    expect(await lookup.get(at, elements[0]!.id)).toEqual(elements[0]!.data);
    expect(await lookup.get(at, unknown)).toBeUndefined();
    expect(session().apiRequests()).toBe(afterScan);
  });

  it('beyond the entities it keeps, a later lookup is one single-item page at the offset the scan saw', async () => {
    const { client, scope } = session();
    const elements = await client.getSpatialStructure(scope);
    const lookup = new EntityLookup(client, { keepEntities: 2 });
    const at = { ...scope, collection: SPATIAL_STRUCTURE };
    await lookup.get(at, elements[0]!.id);
    const before = session().apiRequests();
    expect(await lookup.get(at, elements[5]!.id)).toEqual(elements[5]!.data);
    expect(session().apiRequests() - before).toBe(1);
  });

  it('an id that is nowhere: the whole collection is scanned with progress, and the answer is undefined', async () => {
    const { client, scope, emulator } = session();
    const lookup = new EntityLookup(client);
    const progress: number[] = [];
    const found = await lookup.get({ ...scope, collection: 'objectinstances' }, unknown, { onProgress: count => progress.push(count) });
    expect(found).toBeUndefined();
    expect(progress.at(-1)).toBe(emulator.sizes.objectInstances);
    expect(progress.length).toBeGreaterThan(2);
  });

  it('with a route, the route answers: one request', async () => {
    const { client, scope } = session();
    const [type] = (await client.getEntityPage({ ...scope, collection: 'objecttypes' }, { offset: 3, limit: 1 })).items;
    const before = session().apiRequests();
    expect(await new EntityLookup(client).get({ ...scope, collection: 'objecttypes' }, entityIdOf(type!))).toEqual(type);
    expect(session().apiRequests() - before).toBe(1);
  });

  it('a cancelled lookup rejects as cancelled; another lookup of the same scan still finds its entity', async () => {
    const { client, scope, emulator } = session();
    const elements = await client.getSpatialStructure(scope);
    const lookup = new EntityLookup(client);
    const at = { ...scope, collection: SPATIAL_STRUCTURE };
    emulator.faults.set({ latencyMs: 50 });
    try {
      const gone = new AbortController();
      const cancelled = lookup.get(at, elements[1]!.id, { signal: gone.signal, onProgress: () => gone.abort() }); // once scanning
      const kept = lookup.get(at, elements[2]!.id);
      await expect(cancelled).rejects.toSatisfy(e => isBimlinkApiError(e) && e.kind === 'cancelled');
      expect(await kept).toEqual(elements[2]!.data);
    } finally {
      emulator.faults.reset();
    }
  });
});
