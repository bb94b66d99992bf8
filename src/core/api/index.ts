// The BIMlink API client's public surface.
export { BimlinkClient } from './client';
export type { BimlinkClientOptions, CallOptions, CollectionScope, PhaseScope, ReadOptions } from './client';
export type { CollectionInfo, DomainAccount, Entity, Id, Location, Page, Project, ProjectPhase, SpatialStructureElement, SpatialStructureType } from './dto';
export * from './errors';
export type { AccessTokenSource } from './token-source';
export { staticTokenSource } from './token-source';
export type { FetchFunction, FetchRequestInit, FetchResponse } from './fetch-types';
export type { HttpEvent } from './http';
export type { RetryPolicy } from './retry';
export { BUILTIN_COLLECTIONS, collectionsFromOpenApi, pageSizeFor } from './collections';
export { routes } from './routes';
