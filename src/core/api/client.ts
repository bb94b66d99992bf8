// The BIMlink API client: one method per endpoint of the route table, DTOs read defensively, paginated
// collections as async iterators of pages. Transport concerns (auth, retries, errors) live in http.ts.
import { BUILTIN_COLLECTIONS, collectionsFromOpenApi, pageSizeFor } from './collections';
import type { CollectionInfo, DomainAccount, Entity, Location, Page, SpatialStructureElement } from './dto';
import { isBimlinkApiError, MalformedResponseError, type RequestLabel } from './errors';
import { HttpClient, type HttpOptions, type HttpResponse } from './http';
import { describePage, paginate, readPaginationHeaders, type RawPage } from './pagination';
import { readDomainAccounts, readEntity, readLocations, readSpatialStructureElement } from './read-dto';
import { isObject } from './read-json';
import { queryNames, routes, SPATIAL_STRUCTURE_COLLECTION, SPATIAL_STRUCTURE_PAGE_SIZE } from './routes';

export interface BimlinkClientOptions extends HttpOptions {
  /** Entities per page when a call does not say (default 100). */
  pageSize?: number;
  /** Pages requested ahead by a paginated read once the total is known (default 3). */
  prefetch?: number;
}

export interface CallOptions {
  signal?: AbortSignal;
}

export interface PhaseScope {
  domainAccountId: string;
  projectPhaseId: string;
}

export interface CollectionScope extends PhaseScope {
  /** A collection name, e.g. `objectinstances` (see discoverCollections). */
  collection: string;
  /** Only entities of this storey (spatial structure element). */
  storeyId?: string;
}

export interface ReadOptions extends CallOptions {
  /** Page size to ask for (keep it within the collection's maxLimit, see pageSizeFor). */
  limit?: number;
  offset?: number;
  prefetch?: number;
  maxPages?: number;
}

export class BimlinkClient {
  private readonly http: HttpClient;
  private readonly pageSize: number;
  private readonly prefetch: number | undefined;

  constructor(options: BimlinkClientOptions) {
    this.http = new HttpClient(options);
    this.pageSize = pageSizeFor(undefined, options.pageSize ?? 100);
    this.prefetch = options.prefetch;
  }

  /** Requests in flight right now. */
  get inFlight(): number {
    return this.http.inFlight;
  }

  async getDomainAccounts(options: CallOptions = {}): Promise<DomainAccount[]> {
    const path = routes.domainAccounts();
    const response = await this.http.send({ path }, options.signal);
    return readDomainAccounts(expectList(response, { method: 'GET', path }));
  }

  async getLocations(domainAccountId: string, options: CallOptions = {}): Promise<Location[]> {
    const path = routes.locations(domainAccountId);
    const response = await this.http.send({ path }, options.signal);
    return readLocations(expectList(response, { method: 'GET', path }));
  }

  /** The phase's spatial structure (plots, buildings, building parts, storeys), page by page. */
  spatialStructurePages(scope: PhaseScope, options: ReadOptions = {}): AsyncGenerator<Page<SpatialStructureElement>, void, undefined> {
    const path = routes.phaseCollection(scope.domainAccountId, scope.projectPhaseId, SPATIAL_STRUCTURE_COLLECTION);
    return this.pages(path, {}, readSpatialStructureElement, { limit: SPATIAL_STRUCTURE_PAGE_SIZE, ...options });
  }

  /** The whole flat spatial structure of a phase (model/ builds the tree). */
  async getSpatialStructure(scope: PhaseScope, options: ReadOptions = {}): Promise<SpatialStructureElement[]> {
    const all: SpatialStructureElement[] = [];
    for await (const page of this.spatialStructurePages(scope, options)) all.push(...page.items);
    return all;
  }

  /** Every entity of a collection, page by page, in order, each id once. Break out of the loop to stop early. */
  entityPages(scope: CollectionScope, options: ReadOptions = {}): AsyncGenerator<Page<Entity>, void, undefined> {
    const path = routes.phaseCollection(scope.domainAccountId, scope.projectPhaseId, scope.collection);
    return this.pages(path, storeyQuery(scope), readEntity, options);
  }

  /** One page of a collection (what an entity document shows). */
  async getEntityPage(scope: CollectionScope, page: { offset: number; limit?: number }, options: CallOptions = {}): Promise<Page<Entity>> {
    const path = routes.phaseCollection(scope.domainAccountId, scope.projectPhaseId, scope.collection);
    const offset = Math.max(0, Math.floor(page.offset));
    const limit = pageSizeFor(undefined, page.limit ?? this.pageSize);
    const raw = await this.fetchPage(path, storeyQuery(scope), readEntity, offset, limit, options.signal);
    const { served, total } = describePage(raw.headers, offset, limit, raw.items.length);
    return { items: raw.items, offset, limit: served, total };
  }

  async getEntity(scope: CollectionScope, id: string, options: CallOptions = {}): Promise<Entity> {
    const path = routes.phaseEntity(scope.domainAccountId, scope.projectPhaseId, scope.collection, id);
    const response = await this.http.send({ path }, options.signal);
    const entity = isObject(response.body) ? readEntity(response.body) : undefined;
    if (!entity) throw new MalformedResponseError({ method: 'GET', path }, 'an object was expected', response.status);
    return entity;
  }

  /**
   * The phase-scoped BIM collections, from the server's OpenAPI document; the built-in list when the document
   * is missing, unreadable or names none. Cancellation is still reported as an error.
   */
  async discoverCollections(options: CallOptions = {}): Promise<CollectionInfo[]> {
    try {
      const response = await this.http.send({ path: routes.openApiDocument(), auth: false }, options.signal);
      const found = collectionsFromOpenApi(response.body);
      if (found.length) return found;
    } catch (error) {
      if (isBimlinkApiError(error) && error.kind === 'cancelled') throw error;
    }
    return BUILTIN_COLLECTIONS.map(c => ({ ...c }));
  }

  private pages<T extends { id: string }>(path: string, query: Record<string, string>, read: (raw: unknown) => T | undefined,
    options: ReadOptions): AsyncGenerator<Page<T>, void, undefined> {
    return paginate<T>(
      (offset, limit, signal) => this.fetchPage(path, query, read, offset, limit, signal),
      {
        limit: options.limit ?? this.pageSize,
        offset: options.offset,
        prefetch: options.prefetch ?? this.prefetch,
        maxPages: options.maxPages,
        idOf: item => item.id,
        signal: options.signal,
        label: { method: 'GET', path },
      },
    );
  }

  private async fetchPage<T>(path: string, query: Record<string, string>, read: (raw: unknown) => T | undefined,
    offset: number, limit: number, signal: AbortSignal | undefined): Promise<RawPage<T>> {
    const response = await this.http.send({ path, query: { ...query, [queryNames.limit]: limit, [queryNames.offset]: offset } }, signal);
    const list = expectList(response, { method: 'GET', path });
    const items: T[] = [];
    for (const raw of list) {
      const item = read(raw);
      if (item !== undefined) items.push(item);
    }
    return { items, headers: readPaginationHeaders(response.headers) };
  }
}

function storeyQuery(scope: CollectionScope): Record<string, string> {
  return scope.storeyId !== undefined ? { [queryNames.storeyFilter]: scope.storeyId } : {};
}

function expectList(response: HttpResponse, label: RequestLabel): unknown[] {
  if (Array.isArray(response.body)) return response.body;
  throw new MalformedResponseError(label, 'a list was expected', response.status);
}
