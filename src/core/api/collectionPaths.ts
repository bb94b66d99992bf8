// Where a collection lives on this server. The OpenAPI document or a setting names one path; a built-in collection
// on a server without an OpenAPI document has several plausible ones. The first request for it tries them in order
// and the first that does not answer 404 is remembered for as long as the client lives (one server, one account),
// so finding the path costs no request of its own.
import type { CollectionInfo } from './dto';
import { CollectionNotFoundError, isBimlinkApiError, NotFoundError, type RequestLabel } from './errors';

/** One path that was asked, and what came back (404, 200 … or the status of a refusal). */
export interface PathAttempt {
  readonly path: string;
  readonly outcome: number | string;
}

export interface ResolvedCollection {
  readonly path: string;
  /** The paths tried to find it, in order (empty when there was only one to try). */
  readonly attempts: readonly PathAttempt[];
}

type Collection = Pick<CollectionInfo, 'name' | 'paths'>;

export class CollectionPaths {
  private readonly known = new Map<string, ResolvedCollection>();

  /** Where `collection` was found, if it was. */
  resolved(collection: Collection): ResolvedCollection | undefined {
    return collection.paths.length === 1 ? { path: collection.paths[0]!, attempts: [] } : this.known.get(keyOf(collection));
  }

  /**
   * Runs `request` at the collection's path: the one known, else each plausible one in turn until one does not
   * answer 404. A 404 where the collection was found before forgets it (the next request looks again). Every other
   * outcome is the request's own. `label` names a path in the error when none answered.
   */
  async request<T>(collection: Collection, label: (path: string) => RequestLabel, request: (path: string) => Promise<T>): Promise<T> {
    const found = this.resolved(collection);
    const candidates = found ? [found.path] : collection.paths;
    const attempts: PathAttempt[] = [];
    let firstDetail: string | undefined;
    for (const path of candidates) {
      try {
        const result = await request(path);
        this.remember(collection, path, [...attempts, { path, outcome: 200 }]);
        return result;
      } catch (error) {
        if (!(error instanceof NotFoundError)) {
          if (isBimlinkApiError(error) && (error.kind === 'forbidden' || error.kind === 'bad-request')) {
            this.remember(collection, path, [...attempts, { path, outcome: error.status ?? error.kind }]); // it is there
          }
          throw error;
        }
        if (!attempts.length) firstDetail = error.detail;
        attempts.push({ path, outcome: 404 });
      }
    }
    this.known.delete(keyOf(collection));
    throw new CollectionNotFoundError(label(candidates[0]!), collection.name, found ? [] : collection.paths, firstDetail);
  }

  private remember(collection: Collection, path: string, attempts: PathAttempt[]): void {
    if (collection.paths.length > 1 && !this.known.has(keyOf(collection))) this.known.set(keyOf(collection), { path, attempts });
  }
}

const keyOf = (collection: Collection): string => `${collection.name}\u0000${collection.paths.join('/')}`;
