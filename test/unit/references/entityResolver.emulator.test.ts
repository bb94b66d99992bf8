// The resolver against both dialects: the ids of a real page resolve to their entities with few requests, spatial
// elements with their place, misses are known, and one caller's cancel leaves the others' answers alone.
import { describe, expect, it } from 'vitest';
import { isBimlinkApiError } from '../../../src/core/api/errors';
import { sameId } from '../../../src/core/api/ids';
import { scanEntityDocument } from '../../../src/core/references/documentScan';
import { EntityResolver } from '../../../src/core/references/entityResolver';
import { ReferenceTable, SPATIAL_STRUCTURE } from '../../../src/core/references/referenceTable';
import { DIALECTS, pageDocument, useDialectSessions } from './support/dialectSessions';

const sessionOf = useDialectSessions();

describe.each(DIALECTS)('resolving references (%s)', dialect => {
  const session = () => sessionOf(dialect);

  it('every reference of a page, asked at once: types read whole in one or two pages, the spatial structure once', async () => {
    const { client, scope, spelling } = session();
    const { text } = await pageDocument(session(), 'objectinstances', 0, 100);
    const scan = scanEntityDocument(text, await ReferenceTable.of(client));
    const resolver = new EntityResolver(client);
    const before = session().apiRequests();
    const resolved = await Promise.all(scan.references.map(r => resolver.resolve(scope, r.target, r.id)));
    expect(session().apiRequests() - before).toBeLessThanOrEqual(3); // 63 types in one page (aspnet: one of 250), one structure read
    expect(resolved.every((r, i) => r && sameId(r.id, scan.references[i]!.id))).toBe(true);
    const type = resolved.find(r => r!.collection === 'objecttypes')!;
    expect(type.label).toBe(type.entity[spelling.key('name')]);
    expect(type.kind).toMatch(/^Ifc/);
    const storey = resolved.find(r => r!.collection === SPATIAL_STRUCTURE)!;
    expect(storey.kind).toBe('Storey');
    expect(storey.place!.path.at(-1)).toBe(storey.label);
    expect(storey.place!.types.slice(-2)).toEqual([expect.stringMatching(/Building/), 'Storey']);
    expect(typeof storey.place!.elevation).toBe('number');
    expect(resolver.cached(scope, 'objecttypes', type.id.toLowerCase())).toBe(type); // cached, ids ignoring case
  });

  it('a large collection is asked id by id on its route, one request per id however many callers', async () => {
    const { client, scope } = session();
    const { items } = await pageDocument(session(), 'objectinstances', 1500, 3);
    const ids = items.map(i => String(i[session().spelling.key('id')]));
    const resolver = new EntityResolver(client);
    await resolver.resolve(scope, 'objectinstances', ids[0]!); // learns the collection is large (one first page)
    const before = session().apiRequests();
    const answers = await Promise.all([...ids, ...ids, ids[1]!.toUpperCase()].map(id => resolver.resolve(scope, 'objectinstances', id)));
    expect(session().apiRequests() - before).toBe(2);
    expect(answers.map(a => a?.id)).toEqual([...ids, ...ids, ids[1]]);
  });

  it('an unknown id is undefined, and remembered', async () => {
    const { client, scope } = session();
    const resolver = new EntityResolver(client);
    const unknown = '00000000-0000-4000-8000-00000000abcd';
    expect(await resolver.resolve(scope, 'objecttypes', unknown)).toBeUndefined();
    expect(await resolver.resolve(scope, SPATIAL_STRUCTURE, unknown)).toBeUndefined();
    expect(resolver.cached(scope, 'objecttypes', unknown)).toBeNull();
    expect(resolver.cached(scope, SPATIAL_STRUCTURE, unknown)).toBeNull();
  });

  it('a caller that cancels stops only its own wait', async () => {
    const { client, scope, emulator } = session();
    const resolver = new EntityResolver(client);
    const { items } = await pageDocument(session(), 'objecttypes', 0, 2);
    const id = String(items[1]![session().spelling.key('id')]);
    emulator.faults.set({ latencyMs: 150 });
    try {
      const gone = new AbortController();
      const cancelled = resolver.resolve(scope, 'objecttypes', id, gone.signal);
      const kept = resolver.resolve(scope, 'objecttypes', id, new AbortController().signal);
      gone.abort();
      await expect(cancelled).rejects.toSatisfy(e => isBimlinkApiError(e) && e.kind === 'cancelled');
      expect((await kept)?.id).toBe(id);
    } finally {
      emulator.faults.reset();
    }
  });
});
