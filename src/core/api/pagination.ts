// Reads a limit/offset collection as an async iterator of pages. Correctness never depends on the
// Pagination-* headers: a short or empty page ends the read, a page of only already-seen ids ends it (a server
// ignoring `offset`), an id repeated by a shifting collection is yielded once (among the last 131,072 ids; see
// recent-ids.ts), and a hard page cap makes an endless read impossible.
// The headers only make it faster: once the total is believable, up to `prefetch` pages are requested ahead,
// and pages are still yielded strictly in order.
import { childController } from './abort';
import type { Page } from './dto';
import { CancelledError, MalformedResponseError, type RequestLabel } from './errors';
import { paginationHeaderNames } from './routes';
import { RecentIds } from './recentIds';

export interface PaginationHeaders {
  limit?: number;
  offset?: number;
  total?: number;
}

/** The three Pagination-* headers, each only when it is a plain non-negative integer. */
export function readPaginationHeaders(headers: { get(name: string): string | null }): PaginationHeaders {
  const int = (name: string): number | undefined => {
    const value = headers.get(name)?.trim();
    return value && /^\d{1,15}$/.test(value) ? Number(value) : undefined;
  };
  return {
    limit: int(paginationHeaderNames.limit),
    offset: int(paginationHeaderNames.offset),
    total: int(paginationHeaderNames.total),
  };
}

/**
 * What one page says about the collection: the page size the server used (its Pagination-Limit when smaller
 * than asked), whether it is the last page (short or empty), and the total when believable: proven by a last
 * page, or a header that fits what was received at the offset asked for.
 */
export function describePage(headers: PaginationHeaders, offset: number, askedLimit: number, count: number):
  { served: number; last: boolean; total: number | undefined } {
  const served = headers.limit !== undefined && headers.limit > 0 && headers.limit < askedLimit ? headers.limit : askedLimit;
  const last = count < served;
  const end = offset + count;
  const consistent = headers.total !== undefined && headers.total >= end && (headers.offset === undefined || headers.offset === offset);
  if (!last) return { served, last, total: consistent ? headers.total : undefined };
  // A short page ends the collection; an empty page past the start only shows the total is at most `offset`.
  if (count > 0 || offset === 0) return { served, last, total: end };
  return { served, last, total: headers.total !== undefined && headers.total <= offset ? headers.total : undefined };
}

export interface RawPage<T> {
  items: T[];
  headers: PaginationHeaders;
}

export type PageFetcher<T> = (offset: number, limit: number, signal: AbortSignal) => Promise<RawPage<T>>;

export interface PaginateOptions<T> {
  /** Page size to ask for. */
  limit: number;
  /** Where to start (default 0). */
  offset?: number;
  /** Requests kept in flight once the total is known (default 3; 1 = strictly sequential). */
  prefetch?: number;
  /** Safety net: the most requests one read may make. Default: enough for 10 million entities. */
  maxPages?: number;
  idOf: (item: T) => string;
  signal?: AbortSignal;
  /** Names the collection in errors. */
  label: RequestLabel;
}

export const DEFAULT_PREFETCH = 3;
const MAX_ENTITIES_PER_READ = 10_000_000;

interface Pending<T> {
  offset: number;
  limit: number;
  promise: Promise<RawPage<T>>;
  abort(): void;
}

export async function* paginate<T>(fetchPage: PageFetcher<T>, options: PaginateOptions<T>): AsyncGenerator<Page<T>, void, undefined> {
  let limit = Math.max(1, Math.floor(options.limit));
  const start = Math.max(0, Math.floor(options.offset ?? 0));
  const prefetch = Math.max(1, Math.floor(options.prefetch ?? DEFAULT_PREFETCH));
  const maxPages = options.maxPages ?? Math.ceil(MAX_ENTITIES_PER_READ / limit) + 1;
  const { controller, dispose } = childController(options.signal);
  const seen = new RecentIds();
  const queue: Pending<T>[] = [];
  let nextOffset = start;
  let requested = 0;
  let total: number | undefined;

  const request = (offset: number): void => {
    const child = childController(controller.signal);
    const promise = fetchPage(offset, limit, child.controller.signal).finally(child.dispose);
    promise.catch(() => undefined); // a prefetched page's failure is reported when (and if) it is reached
    queue.push({ offset, limit, promise, abort: () => child.controller.abort() });
    requested++;
    nextOffset = offset + limit;
  };
  const dropQueued = (): void => {
    for (const pending of queue.splice(0)) pending.abort();
  };
  /** Keeps the pipeline full: sequential while the total is unknown, never prefetching past it. */
  const refill = (): void => {
    const depth = total === undefined ? 1 : prefetch;
    while (queue.length < depth && requested < maxPages) {
      if (total !== undefined && nextOffset >= total && queue.length > 0) break;
      request(nextOffset);
    }
  };

  try {
    request(start);
    while (queue.length > 0) {
      const pending = queue.shift()!;
      const raw = await pending.promise;
      if (options.signal?.aborted) throw new CancelledError(options.label);
      const { headers } = raw;
      const count = raw.items.length;
      const end = pending.offset + count;

      const { served, last, total: believed } = describePage(headers, pending.offset, pending.limit, count);
      if (total === undefined && believed !== undefined && !last) seen.reserve(believed - start);
      total = believed;
      // The server capped the page size below what was asked: what was queued has the wrong offsets.
      if (served < limit && !last) {
        limit = served;
        dropQueued();
        nextOffset = end;
      }

      const items: T[] = [];
      let repeated = 0;
      for (const item of raw.items) {
        const id = options.idOf(item);
        if (id === '' || seen.add(id)) items.push(item);
        else repeated++;
      }
      const onlyRepeats = count > 0 && repeated === count;
      const done = last || onlyRepeats;
      if (done) dropQueued();
      else refill();

      if (!onlyRepeats) yield { items, offset: pending.offset, limit: served, total };
      if (done) return;
      if (queue.length === 0) {
        throw new MalformedResponseError(options.label,
          `the server kept sending full pages past ${requested} pages; reading stopped to avoid an endless loop`);
      }
    }
  } finally {
    dropQueued();
    dispose();
  }
}
