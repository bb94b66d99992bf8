// Where a collection lives on this server. The OpenAPI document or a setting names one path; a built-in collection
// on a server without an OpenAPI document has several plausible ones, tried in order with a one-item page: the
// first that does not answer 404 is remembered for as long as the client lives (one server, one account).
import type { CollectionInfo } from './dto';
import { CollectionNotFoundError, isBimlinkApiError, NotFoundError, type RequestLabel } from './errors';

/** One path that was asked, and what came back (404, 200 … or the error kind for a failure). */
export interface PathAttempt {
  readonly path: string;
  readonly outcome: number | string;
}

export interface ResolvedCollection {
  readonly path: string;
  readonly attempts: readonly PathAttempt[];
}

/** Asks the server for a one-item page at a path segment; resolves with the status, throws typed API errors. */
export type PathProbe = (path: string, signal: AbortSignal | undefined) => Promise<number>;
/** The request that names a path segment, for errors. */
export type PathLabel = (path: string) => RequestLabel;

export class CollectionPaths {
  private readonly resolved = new Map<string, Promise<ResolvedCollection>>();

  /** Where `collection` is served: at once when there is one path, else after probing (shared by concurrent calls). */
  resolve(collection: Pick<CollectionInfo, 'name' | 'paths'>, probe: PathProbe, label: PathLabel, signal?: AbortSignal): Promise<ResolvedCollection> {
    if (collection.paths.length === 1) return Promise.resolve({ path: collection.paths[0]!, attempts: [] });
    const key = `${collection.name}\u0000${collection.paths.join('/')}`;
    let resolving = this.resolved.get(key);
    if (!resolving) {
      resolving = probeInOrder(collection, probe, label, signal);
      this.resolved.set(key, resolving);
      resolving.catch(() => { if (this.resolved.get(key) === resolving) this.resolved.delete(key); }); // a failure is not remembered
    }
    return resolving;
  }

  /** Forgets a path that stopped answering, so the next call probes again. */
  forget(collection: Pick<CollectionInfo, 'name' | 'paths'>): void {
    this.resolved.delete(`${collection.name}\u0000${collection.paths.join('/')}`);
  }
}

async function probeInOrder(collection: Pick<CollectionInfo, 'name' | 'paths'>, probe: PathProbe, label: PathLabel,
  signal: AbortSignal | undefined): Promise<ResolvedCollection> {
  const attempts: PathAttempt[] = [];
  let firstDetail: string | undefined;
  for (const path of collection.paths) {
    try {
      attempts.push({ path, outcome: await probe(path, signal) });
      return { path, attempts };
    } catch (error) {
      if (!isBimlinkApiError(error)) throw error;
      if (error.kind === 'forbidden' || error.kind === 'bad-request') {
        attempts.push({ path, outcome: error.status ?? error.kind }); // it exists; what is wrong shows on the real request
        return { path, attempts };
      }
      if (!(error instanceof NotFoundError)) throw error;
      if (!attempts.length) firstDetail = error.detail;
      attempts.push({ path, outcome: 404 });
    }
  }
  throw new CollectionNotFoundError(label(collection.paths[0]!), collection.name, collection.paths, firstDetail);
}
