// One entity by id, also from a server that has no single-entity route for its collection: when
// `…/<collection>/<id>` answers 404, the collection is scanned page by page (the largest page it serves). The scan is
// shared by every lookup in that collection, tells its progress, and is remembered per phase: ids → their offset, and
// the entities themselves up to a cap, so the next lookup is instant (or one single-item page read) and a missing id
// is known missing. A caller's signal ends only its own wait; the scan stops when nobody waits any more.
import type { BimlinkClient, PhaseScope } from '../api/client';
import type { Entity } from '../api/dto';
import { NotFoundError } from '../api/errors';
import { idKey, sameId } from '../api/ids';
import { entityIdOf } from '../api/readDto';
import { routes } from '../api/routes';
import { collectionPages } from './collectionPages';
import { SharedWork } from './sharedWork';

export interface LookupOptions {
  signal?: AbortSignal;
  /** Entities scanned so far, of the total when the server tells it (only when the collection has to be scanned). */
  onProgress?: (count: number, total: number | undefined) => void;
}

export interface EntityLookupOptions {
  /** Scanned entities kept whole per collection (beyond it only their offsets are kept); default 5,000. */
  keepEntities?: number;
}

interface Seen {
  readonly offset: number;
  readonly entity?: Entity;
}

interface CollectionState {
  /** The single-entity route answered 404 for an id the scan then found: go straight to the scan's index. */
  noItemRoute: boolean;
  /** What the finished scan saw. */
  index?: Map<string, Seen>;
  scan?: Scan;
}

/** A scan under way: what it has seen so far, and who wants to hear about each page. */
interface Scan {
  readonly work: SharedWork<Map<string, Seen>>;
  readonly partial: Map<string, Seen>;
  readonly listeners: Set<() => void>;
  readonly progress: { count: number; total: number | undefined };
}

export class EntityLookup {
  private readonly phases = new Map<string, Map<string, CollectionState>>();
  private readonly keep: number;

  constructor(private readonly client: BimlinkClient, options: EntityLookupOptions = {}) {
    this.keep = options.keepEntities ?? 5000;
  }

  /** The entity with this id (compared ignoring case), or undefined when neither its route nor its collection has it. */
  async get(scope: PhaseScope & { collection: string }, id: string, options: LookupOptions = {}): Promise<Entity | undefined> {
    const state = this.stateOf(scope);
    if (!state.noItemRoute) {
      try {
        return await this.client.getEntity(scope, id, { signal: options.signal });
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error; // CollectionNotFoundError is no NotFoundError: it is thrown on
      }
    }
    const seen = state.index ? state.index.get(idKey(id)) : await this.scanFor(scope, state, id, options);
    if (!seen) return undefined;
    state.noItemRoute = true; // found where the route said nothing is: the route is missing, not the entity
    if (seen.entity) return seen.entity;
    const page = await this.client.getEntityPage(scope, { offset: seen.offset, limit: 1 }, { signal: options.signal });
    const entity = page.items[0];
    if (entity && sameId(entityIdOf(entity), id)) return entity;
    state.index = undefined; // the collection has changed since the scan: look again
    return this.get(scope, id, options);
  }

  /** Forgets what was seen in a phase (a refresh), or everywhere. */
  forget(scope?: PhaseScope): void {
    if (scope) this.phases.delete(phaseKey(scope));
    else this.phases.clear();
  }

  private stateOf(scope: PhaseScope & { collection: string }): CollectionState {
    let phase = this.phases.get(phaseKey(scope));
    if (!phase) this.phases.set(phaseKey(scope), phase = new Map());
    let state = phase.get(scope.collection);
    if (!state) phase.set(scope.collection, state = { noItemRoute: false });
    return state;
  }

  /** Waits for `id` to appear in the shared scan (answering as soon as it does), or for the scan's end. */
  private async scanFor(scope: PhaseScope & { collection: string }, state: CollectionState, id: string, options: LookupOptions): Promise<Seen | undefined> {
    if (!state.scan?.work.live) state.scan = this.startScan(scope, state);
    const scan = state.scan;
    const key = idKey(id);
    let onPage = (): void => undefined;
    const early = new Promise<Seen>(resolve => {
      onPage = () => {
        options.onProgress?.(scan.progress.count, scan.progress.total);
        const seen = scan.partial.get(key);
        if (seen) resolve(seen);
      };
    });
    scan.listeners.add(onPage);
    onPage();
    const label = { method: 'GET', path: routes.phaseCollection(scope.domainAccountId, scope.projectPhaseId, scope.collection) };
    try {
      return await Promise.race([early, scan.work.wait(options.signal, label).then(index => index.get(key))]);
    } finally {
      scan.listeners.delete(onPage);
    }
  }

  private startScan(scope: PhaseScope & { collection: string }, state: CollectionState): Scan {
    const partial = new Map<string, Seen>();
    const listeners = new Set<() => void>();
    const progress: Scan['progress'] = { count: 0, total: undefined };
    const work: SharedWork<Map<string, Seen>> = new SharedWork(async signal => {
      try {
        for await (const page of collectionPages(this.client, scope, scope.collection, signal)) {
          page.items.forEach((entity, i) => {
            const key = idKey(entityIdOf(entity));
            if (key && !partial.has(key)) partial.set(key, { offset: page.offset + i, ...(partial.size < this.keep ? { entity } : {}) });
          });
          progress.count += page.items.length;
          progress.total = page.total;
          for (const listener of listeners) listener();
        }
        state.index = partial;
        return partial;
      } finally {
        if (state.scan?.work === work) state.scan = undefined; // a failed scan is not kept
      }
    });
    return { work, partial, listeners, progress };
  }
}

const phaseKey = (scope: PhaseScope): string => `${idKey(scope.domainAccountId)}/${idKey(scope.projectPhaseId)}`;
