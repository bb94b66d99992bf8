// Reads a whole collection at the largest page it serves, for the scans of entityLookup.ts and findUsages.ts. The
// spatial structure is read through its own route (its own paths and page size), as sent.
import type { BimlinkClient, PhaseScope } from '../api/client';
import { pageSizeFor } from '../api/collections';
import type { Entity, Page } from '../api/dto';
import { SPATIAL_STRUCTURE } from './referenceTable';

export async function* collectionPages(client: BimlinkClient, scope: PhaseScope, collection: string, signal: AbortSignal | undefined):
  AsyncGenerator<Page<Entity>, void, undefined> {
  if (collection === SPATIAL_STRUCTURE) {
    for await (const page of client.spatialStructurePages(scope, { signal })) yield { ...page, items: page.items.map(e => e.data) };
    return;
  }
  const info = await client.collectionInfo(collection, { signal });
  // fewest requests: the server's largest page; the client's own page size when no maximum is known (a larger one may be refused)
  const limit = info.maxLimit !== undefined ? pageSizeFor(info, info.maxLimit) : undefined;
  yield* client.entityPages({ ...scope, collection }, { limit, signal });
}
