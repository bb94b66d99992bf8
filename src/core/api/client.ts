// The BIMlink API client: one method per endpoint of the route table, DTOs read defensively, paginated
// collections as async iterators of pages. Transport concerns (auth, retries, errors) live in http.ts.
import { CollectionPaths, type ResolvedCollection } from './collectionPaths';
import { collectionsFromOpenApi, mergeCollections, pageSizeFor, SPATIAL_STRUCTURE_PATHS } from './collections';
import type { CollectionInfo, DomainAccount, Entity, Location, Page, SpatialStructureElement } from './dto';
import { isBimlinkApiError, MalformedResponseError, type RequestLabel } from './errors';
import { HttpClient, type HttpOptions, type HttpResponse } from './http';
import { describePage, paginate, readPaginationHeaders, type RawPage } from './pagination';
import { entityIdOf, readDomainAccounts, readEntity, readLocations, readSpatialStructureElement } from './readDto';
import { queryNames, routes, SPATIAL_STRUCTURE_COLLECTION, SPATIAL_STRUCTURE_PAGE_SIZE } from './routes';

export interface BimlinkClientOptions extends HttpOptions {
  /** Entities per page when a call does not say (default 100). */
  pageSize?: number;
  /** Pages requested ahead by a paginated read once the total is known (default 3). */
  prefetch?: number;
  /** The user's `bimlink.collections`: collection → the path segment this server serves it at (renames and additions). */
  collections?: Readonly<Record<string, string>>;
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

export interface PageRequest {
  offset: number;
  limit?: number;
  /** The total an earlier page of the same collection told, for when this page's response does not say it. */
  knownTotal?: number;
}

/** The spatial structure, as a collection with plausible paths. */
const spatialStructure: CollectionInfo = {
  name: SPATIAL_STRUCTURE_COLLECTION, paths: SPATIAL_STRUCTURE_PATHS, storeyFilter: false, source: 'builtin',
};

export class BimlinkClient {
  private readonly http: HttpClient;
  private readonly pageSize: number;
  private readonly prefetch: number | undefined;
  private readonly collectionSettings: Readonly<Record<string, string>>;
  private readonly paths = new CollectionPaths();
  private collectionList: Promise<CollectionInfo[]> | undefined;
  private openApi: unknown;

  constructor(options: BimlinkClientOptions) {
    this.http = new HttpClient(options);
    this.pageSize = pageSizeFor(undefined, options.pageSize ?? 100);
    this.prefetch = options.prefetch;
    this.collectionSettings = options.collections ?? {};
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
    return this.pages(scope, spatialStructure, {}, readSpatialStructureElement, element => element.id, { limit: SPATIAL_STRUCTURE_PAGE_SIZE, ...options });
  }

  /** The whole flat spatial structure of a phase (model/ builds the tree). */
  async getSpatialStructure(scope: PhaseScope, options: ReadOptions = {}): Promise<SpatialStructureElement[]> {
    const all: SpatialStructureElement[] = [];
    for await (const page of this.spatialStructurePages(scope, options)) all.push(...page.items);
    return all;
  }

  /** Every entity of a collection, as sent, page by page, in order, each id once. Break out of the loop to stop early. */
  async *entityPages(scope: CollectionScope, options: ReadOptions = {}): AsyncGenerator<Page<Entity>, void, undefined> {
    const info = await this.collectionInfo(scope.collection, options);
    yield* this.pages(scope, info, storeyQuery(scope), readEntity, entityIdOf, options);
  }

  /**
   * One page of a collection (what an entity document shows). When a full page comes without a believable total,
   * one probe of a single item past it tells whether it was the last page.
   */
  async getEntityPage(scope: CollectionScope, page: PageRequest, options: CallOptions = {}): Promise<Page<Entity>> {
    const info = await this.collectionInfo(scope.collection, options);
    const offset = Math.max(0, Math.floor(page.offset));
    const limit = pageSizeFor(undefined, page.limit ?? this.pageSize);
    const fetchAt = (from: number, size: number) => this.inCollection(scope, info,
      path => this.fetchPage(path, storeyQuery(scope), readEntity, from, size, options.signal));
    const raw = await fetchAt(offset, limit);
    const { served, last, total } = describePage(raw.headers, offset, limit, raw.items.length);
    const end = offset + raw.items.length;
    const known = page.knownTotal !== undefined && page.knownTotal >= end ? page.knownTotal : undefined;
    if (total !== undefined || last || known !== undefined) return { items: raw.items, offset, limit: served, total: total ?? known };
    const next = await fetchAt(end, 1);
    return { items: raw.items, offset, limit: served, total: next.items.length === 0 ? end : undefined };
  }

  /** One entity, as sent. */
  async getEntity(scope: CollectionScope, id: string, options: CallOptions = {}): Promise<Entity> {
    const info = await this.collectionInfo(scope.collection, options);
    const { path } = await this.resolveCollection(scope, info, options); // a 404 below is then the entity's, not the collection's
    const url = routes.phaseEntity(scope.domainAccountId, scope.projectPhaseId, path, id);
    const response = await this.http.send({ path: url }, options.signal);
    const entity = readEntity(response.body);
    if (!entity) throw new MalformedResponseError({ method: 'GET', path: url }, 'an object was expected', response.status);
    return entity;
  }

  /**
   * The phase-scoped BIM collections: the server's OpenAPI document's, or the built-in list when the document is
   * missing, unreadable or names none; with the user's `bimlink.collections` on top. Asked once per client; a
   * failure is not kept. Cancellation is still reported as an error.
   */
  discoverCollections(options: CallOptions = {}): Promise<CollectionInfo[]> {
    if (!this.collectionList) {
      const loading = this.readOpenApiCollections(options.signal).then(found => mergeCollections(found, this.collectionSettings));
      this.collectionList = loading;
      loading.catch(() => { if (this.collectionList === loading) this.collectionList = undefined; });
    }
    return this.collectionList.then(list => list.map(c => ({ ...c })));
  }

  /** The server's OpenAPI document as read by discoverCollections (for its schemas), or undefined when it has none. */
  async openApiDocument(options: CallOptions = {}): Promise<unknown> {
    await this.discoverCollections(options);
    return this.openApi;
  }

  /** What is known of a collection; a name the server's list does not hold is tried as a path as it is. */
  async collectionInfo(name: string, options: CallOptions = {}): Promise<CollectionInfo> {
    return (await this.discoverCollections(options)).find(c => c.name === name) ?? { name, paths: [name], storeyFilter: true, source: 'settings' };
  }

  /** Where this server serves a collection, and the paths tried to find it (asking for one item when not known yet). */
  async resolveCollection(scope: PhaseScope, collection: CollectionInfo | 'spatial structure', options: CallOptions = {}): Promise<ResolvedCollection> {
    const info = collection === 'spatial structure' ? spatialStructure : collection;
    const known = this.paths.resolved(info);
    if (known) return known;
    await this.inCollection(scope, info, path => this.http.send({ path, query: { [queryNames.limit]: 1, [queryNames.offset]: 0 } }, options.signal));
    return this.paths.resolved(info)!;
  }

  /** A GET of any path, as it answers (for Check Server): typed errors for failures, as every call. */
  get(path: string, query: Record<string, string | number | undefined> = {}, options: CallOptions & { auth?: boolean } = {}): Promise<HttpResponse> {
    return this.http.send({ path, query, auth: options.auth }, options.signal);
  }

  private async readOpenApiCollections(signal: AbortSignal | undefined): Promise<CollectionInfo[] | undefined> {
    try {
      const response = await this.http.send({ path: routes.openApiDocument(), auth: false }, signal);
      const found = collectionsFromOpenApi(response.body);
      this.openApi = found.length ? response.body : undefined;
      return found.length ? found : undefined;
    } catch (error) {
      if (isBimlinkApiError(error) && error.kind === 'cancelled') throw error;
      return undefined;
    }
  }

  /** Runs a request at the collection's path in a phase, found on this server (see CollectionPaths). */
  private inCollection<T>(scope: PhaseScope, info: CollectionInfo, request: (path: string) => Promise<T>): Promise<T> {
    const at = (segment: string) => routes.phaseCollection(scope.domainAccountId, scope.projectPhaseId, segment);
    return this.paths.request(info, segment => ({ method: 'GET', path: at(segment) }), segment => request(at(segment)));
  }

  private pages<T>(scope: PhaseScope, info: CollectionInfo, query: Record<string, string>, read: (raw: unknown) => T | undefined,
    idOf: (item: T) => string, options: ReadOptions): AsyncGenerator<Page<T>, void, undefined> {
    const segment = this.paths.resolved(info)?.path ?? info.paths[0]!;
    return paginate<T>(
      (offset, limit, signal) => this.inCollection(scope, info, path => this.fetchPage(path, query, read, offset, limit, signal)),
      {
        limit: options.limit ?? this.pageSize,
        offset: options.offset,
        prefetch: options.prefetch ?? this.prefetch,
        maxPages: options.maxPages,
        idOf,
        signal: options.signal,
        label: { method: 'GET', path: routes.phaseCollection(scope.domainAccountId, scope.projectPhaseId, segment) },
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
