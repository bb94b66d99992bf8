// The ONE place that knows BIMlink's paths, query names and pagination headers. Most of it is a guess
// (see bimlink-api.md): when the real Swagger document is seen, correct it here and nowhere else.

/** Path segments are ids from the server: encode them so an odd id can never change the path's shape. */
const seg = (id: string): string => encodeURIComponent(id);

export const routes = {
  /** DomainAccounts_GetAll: the only call without a domain account. */
  domainAccounts: (): string => '/domainaccounts',
  /** Locations_GetAll: locations → projects → project phases, in one call. */
  locations: (domainAccountId: string): string => `/domainaccounts/${seg(domainAccountId)}/locations`,
  /** A phase-scoped, paginated collection (spatial structure elements and the BIM data collections). */
  phaseCollection: (domainAccountId: string, projectPhaseId: string, collection: string): string =>
    `/domainaccounts/${seg(domainAccountId)}/projectphases/${seg(projectPhaseId)}/${seg(collection)}`,
  /** One entity of a phase-scoped collection. */
  phaseEntity: (domainAccountId: string, projectPhaseId: string, collection: string, id: string): string =>
    `${routes.phaseCollection(domainAccountId, projectPhaseId, collection)}/${seg(id)}`,
  /** The OpenAPI document (NSwag's default path; served without authentication). */
  openApiDocument: (): string => '/swagger/v1/swagger.json',
} as const;

/** The collection that holds the spatial structure (plots, buildings, building parts, storeys). */
export const SPATIAL_STRUCTURE_COLLECTION = 'spatialstructureelements';
/** Its page size when read whole: a guess at the server's maximum (the OpenAPI document may say otherwise). */
export const SPATIAL_STRUCTURE_PAGE_SIZE = 500;

/** Query parameter names. */
export const queryNames = {
  limit: 'limit',
  offset: 'offset',
  /** The storey filter of the BIM data collections (name guessed). */
  storeyFilter: 'spatialStructureElementId',
} as const;

/** Response headers that describe a page. `total` is the number of matching objects (guessed meaning). */
export const paginationHeaderNames = {
  limit: 'Pagination-Limit',
  offset: 'Pagination-Offset',
  total: 'Pagination-Result',
} as const;

/**
 * The phase-scoped collection path with its two parameters, as an OpenAPI path template matches it:
 * `/domainaccounts/{x}/projectphases/{y}/<collection>`.
 */
export const PHASE_COLLECTION_TEMPLATE = /^\/domainaccounts\/\{[^/{}]+\}\/projectphases\/\{[^/{}]+\}\/([A-Za-z0-9_-]+)\/?$/i;
