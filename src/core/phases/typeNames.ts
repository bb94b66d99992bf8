// A phase's object types by id → name, for comparing the types of two phases by name. A phase holds a few thousand
// types at most. Undefined when the server serves no types: objects are then compared by their type ids.
import type { BimlinkClient, PhaseScope } from '../api/client';
import { CollectionNotFoundError, NotFoundError } from '../api/errors';
import { idKey } from '../api/ids';
import { collectionPages } from '../references/collectionPages';
import { ObjectFactsReader } from './objectFacts';

export const OBJECT_TYPES = 'objecttypes';

export async function typeNames(client: BimlinkClient, scope: PhaseScope, signal: AbortSignal | undefined): Promise<Map<string, string> | undefined> {
  const names = new Map<string, string>();
  const reader = new ObjectFactsReader();
  try {
    for await (const page of collectionPages(client, scope, OBJECT_TYPES, signal)) {
      for (const entity of page.items) {
        const { id, name } = reader.read(entity);
        if (id !== undefined && name) names.set(idKey(id), name);
      }
    }
  } catch (error) {
    if (signal?.aborted || !(error instanceof CollectionNotFoundError || error instanceof NotFoundError)) throw error;
    return undefined;
  }
  return names;
}

