// Resolves references for hovers: an id of a collection → the entity, its label and kind; for a spatial element also
// its place (Building › Storey, elevation). The server's filters are unknown (no id filter is known), so the fewest
// requests come from what every server serves:
//   - the spatial structure is read whole, once per phase (it is small, and the path needs all of it);
//   - a collection is first read with its largest page: when that page, or a few more, hold all of it (types,
//     materials …: up to `wholeCollection` entities), every id of it is answered from memory from then on;
//   - a larger collection is asked one id at a time on its single-entity route (at most `concurrency` at once, one
//     request per id however many callers ask), falling back to a scan where the route is missing (entityLookup.ts).
// Everything is cached per phase, misses too. Each caller's signal cancels only its own wait.
import type { BimlinkClient, PhaseScope } from '../api/client';
import { pageSizeFor } from '../api/collections';
import type { Entity } from '../api/dto';
import { idKey } from '../api/ids';
import { entityIdOf } from '../api/readDto';
import { routes } from '../api/routes';
import { Semaphore } from '../api/semaphore';
import { kindOf, labelOf } from './entityLabel';
import { EntityLookup } from './entityLookup';
import { SPATIAL_STRUCTURE } from './referenceTable';
import { SharedWork } from './sharedWork';
import { spatialPlaces, type SpatialPlace } from './spatialPlaces';

export interface ResolvedEntity {
  readonly collection: string;
  /** The id as the server sent it. */
  readonly id: string;
  /** Its name (or display name, or title); '' when it has none. */
  readonly label: string;
  /** Its IFC class, else its kind (a spatial element's type). */
  readonly kind?: string;
  /** As the server sent it. */
  readonly entity: Entity;
  /** For a spatial structure element: where it sits, and its elevation. */
  readonly place?: SpatialPlace;
}

export interface EntityResolverOptions {
  /** Collections up to this size are read whole on first use (default 2,000). */
  wholeCollection?: number;
  /** Single-entity requests at once (default 4). */
  concurrency?: number;
  /** Shares what it has scanned with other users of the same lookup. */
  lookup?: EntityLookup;
}

interface CollectionState {
  /** Resolved entities and known misses (null), by idKey. */
  readonly entries: Map<string, ResolvedEntity | null>;
  plan: 'unknown' | 'whole' | 'byId';
  load?: SharedWork<void>;
  readonly pending: Map<string, SharedWork<ResolvedEntity | undefined>>;
}

interface PhaseState {
  places?: Map<string, SpatialPlace>;
  spatial?: SharedWork<Map<string, SpatialPlace>>;
  readonly collections: Map<string, CollectionState>;
}

export class EntityResolver {
  private readonly phases = new Map<string, PhaseState>();
  private readonly wholeCollection: number;
  private readonly permits: Semaphore;
  private readonly lookup: EntityLookup;

  constructor(private readonly client: BimlinkClient, options: EntityResolverOptions = {}) {
    this.wholeCollection = options.wholeCollection ?? 2000;
    this.permits = new Semaphore(options.concurrency ?? 4);
    this.lookup = options.lookup ?? new EntityLookup(client);
  }

  /** What is cached, without waiting: the entity, null when known missing, undefined when not asked yet. */
  cached(scope: PhaseScope, collection: string, id: string): ResolvedEntity | null | undefined {
    const phase = this.phases.get(phaseKey(scope));
    if (collection === SPATIAL_STRUCTURE) {
      if (!phase?.places) return undefined;
      const place = phase.places.get(idKey(id));
      return place ? fromPlace(place) : null;
    }
    return phase?.collections.get(collection)?.entries.get(idKey(id));
  }

  /** The entity an id of `collection` names, or undefined when the server has none. */
  async resolve(scope: PhaseScope, collection: string, id: string, signal?: AbortSignal): Promise<ResolvedEntity | undefined> {
    const known = this.cached(scope, collection, id);
    if (known !== undefined) return known ?? undefined;
    const phase = this.phaseOf(scope);
    const label = { method: 'GET', path: routes.phaseCollection(scope.domainAccountId, scope.projectPhaseId, collection) };
    const key = idKey(id);
    if (collection === SPATIAL_STRUCTURE) {
      if (!phase.spatial?.live) {
        phase.spatial = new SharedWork(async s => (phase.places = spatialPlaces(await this.client.getSpatialStructure(scope, { signal: s }))));
      }
      const place = (await phase.spatial.wait(signal, label)).get(key);
      return place && fromPlace(place);
    }
    let state = phase.collections.get(collection);
    if (!state) phase.collections.set(collection, state = { entries: new Map(), plan: 'unknown', pending: new Map() });
    if (state.plan === 'unknown') {
      if (!state.load?.live) state.load = new SharedWork(s => this.load(scope, collection, state, s));
      await state.load.wait(signal, label);
      const loaded = state.entries.get(key);
      if (loaded !== undefined) return loaded ?? undefined;
    }
    if (state.plan === 'whole') {
      state.entries.set(key, null);
      return undefined;
    }
    let work = state.pending.get(key);
    if (!work?.live) {
      const pending = state.pending;
      const entries = state.entries;
      work = new SharedWork(async s => {
        const release = await this.permits.acquire(s);
        try {
          const entity = await this.lookup.get({ ...scope, collection }, id, { signal: s });
          const resolved = entity ? toResolved(collection, entity) : undefined;
          entries.set(key, resolved ?? null);
          return resolved;
        } finally {
          release();
          if (pending.get(key) === work) pending.delete(key);
        }
      });
      state.pending.set(key, work);
    }
    return work.wait(signal, label);
  }

  /** Forgets a phase (a refresh), or everything. */
  forget(scope?: PhaseScope): void {
    if (scope) this.phases.delete(phaseKey(scope));
    else this.phases.clear();
    this.lookup.forget(scope);
  }

  /** The first page at the largest size; the rest too when the collection is small enough to keep whole. */
  private async load(scope: PhaseScope, collection: string, state: CollectionState, signal: AbortSignal): Promise<void> {
    const info = await this.client.collectionInfo(collection, { signal });
    const limit = info.maxLimit !== undefined ? pageSizeFor(info, info.maxLimit) : undefined; // unknown maximum: the client's page size
    const first = await this.client.getEntityPage({ ...scope, collection }, { offset: 0, limit }, { signal });
    const keep = (items: readonly Entity[]) => {
      for (const entity of items) state.entries.set(idKey(entityIdOf(entity)), toResolved(collection, entity));
    };
    keep(first.items);
    const end = first.items.length;
    if (first.total === undefined || first.total > end) {
      if (first.total === undefined || first.total > this.wholeCollection) {
        state.plan = 'byId';
        return;
      }
      for await (const page of this.client.entityPages({ ...scope, collection }, { offset: end, limit: first.limit, signal })) keep(page.items);
    }
    state.plan = 'whole';
  }

  private phaseOf(scope: PhaseScope): PhaseState {
    let phase = this.phases.get(phaseKey(scope));
    if (!phase) this.phases.set(phaseKey(scope), phase = { collections: new Map() });
    return phase;
  }
}

function toResolved(collection: string, entity: Entity): ResolvedEntity {
  const kind = kindOf(entity);
  return { collection, id: entityIdOf(entity), label: labelOf(entity), ...(kind ? { kind } : {}), entity };
}

function fromPlace(place: SpatialPlace): ResolvedEntity {
  const { element } = place;
  return { collection: SPATIAL_STRUCTURE, id: element.id, label: element.name, kind: element.type, entity: element.data, place };
}

const phaseKey = (scope: PhaseScope): string => `${idKey(scope.domainAccountId)}/${idKey(scope.projectPhaseId)}`;
