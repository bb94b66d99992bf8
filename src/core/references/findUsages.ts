// Find usages of an entity: streams every collection that can refer to it (the reference table says which, and under
// which keys), at the largest page each serves, and reports each entity that holds the target's id as it arrives.
// It must cost barely more than a bare read of the same collections: entities are matched as parsed (never
// serialized again), a key's meaning is looked up once per spelling, and no page is kept.
import { childController } from '../api/abort';
import type { BimlinkClient, PhaseScope } from '../api/client';
import type { Entity } from '../api/dto';
import { entityIdOf } from '../api/readDto';
import { collectionPages } from './collectionPages';
import { labelOf } from './entityLabel';
import type { ReferenceTable, Referrer } from './referenceTable';

export interface UsageTarget {
  readonly collection: string;
  readonly id: string;
}

/** An entity that refers to the target. */
export interface Usage {
  readonly collection: string;
  /** The referring entity's id and label ('' when it has none), as sent. */
  readonly id: string;
  readonly label: string;
  /** The key that holds the target's id (as the server spells it). */
  readonly key: string;
  /** Its place in its collection's read (0-based), so a page document can show it. */
  readonly index: number;
  readonly entity: Entity;
}

export interface UsageProgress {
  /** Entities read so far, over every collection searched. */
  readonly read: number;
  /** Entities to read in all, once every collection has told its total. */
  readonly total: number | undefined;
  readonly found: number;
}

export interface FindUsagesOptions {
  signal?: AbortSignal;
  onUsage?: (usage: Usage) => void;
  onProgress?: (progress: UsageProgress) => void;
  /** The collections to search (default: the reference table's referrers of the target's collection). */
  referrers?: readonly Referrer[];
}

export interface UsageSummary {
  readonly found: number;
  readonly read: number;
  /** The collections searched. */
  readonly collections: readonly string[];
}

/**
 * Streams the referring collections (all at once; the client caps requests in flight) and calls `onUsage` for each
 * match. Rejects with CancelledError when `signal` aborts; what was found until then has been reported.
 */
export async function findUsages(client: BimlinkClient, table: ReferenceTable, scope: PhaseScope, target: UsageTarget,
  options: FindUsagesOptions = {}): Promise<UsageSummary> {
  const referrers = options.referrers ?? table.referrersOf(target.collection);
  const totals = new Map<string, number | undefined>();
  let read = 0;
  let found = 0;
  const report = (): void => {
    const known = [...totals.values()];
    const total = known.length === referrers.length && known.every(t => t !== undefined) ? known.reduce((a, b) => a! + b!, 0) : undefined;
    options.onProgress?.({ read, total, found });
  };
  const matches = idMatcher(target.id);
  const { controller, dispose } = childController(options.signal); // one collection's failure stops the others

  const search = async (collection: string): Promise<void> => {
    const refers = new Map<string, boolean>(); // a key's meaning, once per spelling
    let mine = 0;
    for await (const page of collectionPages(client, scope, collection, controller.signal)) {
      page.items.forEach((entity, i) => {
        for (const key in entity) {
          let isReference = refers.get(key);
          if (isReference === undefined) refers.set(key, isReference = table.targetOf(key, collection) === target.collection);
          if (!isReference || !holds(entity[key], matches)) continue;
          found++;
          options.onUsage?.({ collection, id: entityIdOf(entity), label: labelOf(entity), key, index: page.offset + i, entity });
        }
      });
      read += page.items.length;
      mine += page.items.length;
      totals.set(collection, page.total ?? totals.get(collection)); // a server may leave the total off the last pages
      report();
    }
    totals.set(collection, mine); // read to the end: now its total is certain
    report();
  };
  try {
    await Promise.all(referrers.map(({ collection }) => search(collection).catch((error: unknown) => {
      controller.abort();
      throw error;
    })));
  } finally {
    dispose();
  }
  return { found, read, collections: referrers.map(r => r.collection) };
}

/** Compares ids ignoring case, cheaply: the length first, the lower-cased text only when it could match. */
function idMatcher(id: string): (value: string) => boolean {
  const lower = id.toLowerCase();
  return value => value.length === id.length && (value === id || value.toLowerCase() === lower);
}

/** Whether a value is the id, or an array holding it (numbers compare as their text). */
function holds(value: unknown, matches: (value: string) => boolean): boolean {
  if (typeof value === 'string') return matches(value);
  if (typeof value === 'number') return matches(String(value));
  if (Array.isArray(value)) return value.some(v => holds(v, matches));
  return false;
}
