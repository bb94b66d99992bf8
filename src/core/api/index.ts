// The BIMlink API client's public surface.
export { BimlinkClient } from './client';
export type { BimlinkClientOptions, CallOptions, CollectionScope, PhaseScope, ReadOptions } from './client';
export type { CollectionInfo, DomainAccount, Entity, Id, Location, Page, Project, ProjectPhase, SpatialStructureElement, SpatialStructureType } from './dto';
export * from './errors';
export type { AccessTokenSource } from './tokenSource';
export { staticTokenSource } from './tokenSource';
export type { Fetch } from '../fetch';
export type { HttpEvent } from './http';
export type { RetryPolicy } from './retry';
export { BUILTIN_COLLECTIONS, collectionsFromOpenApi, pageSizeFor } from './collections';
export { routes } from './routes';
