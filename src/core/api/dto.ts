// The shapes the client hands out. Ids are opaque strings (a numeric id from the server becomes a string).
// Every DTO keeps the fields the server sent that are not named here (the index signature), so nothing is lost.

export type Id = string;

export interface DomainAccount {
  id: Id;
  name: string;
  [field: string]: unknown;
}

export interface ProjectPhase {
  id: Id;
  name: string;
  code?: string;
  /** The phase's place in the project's order (design, construction, operations …). */
  order?: number;
  [field: string]: unknown;
}

export interface Project {
  id: Id;
  name: string;
  number?: string;
  phases: ProjectPhase[];
  [field: string]: unknown;
}

export interface Location {
  id: Id;
  name: string;
  city?: string;
  projects: Project[];
  [field: string]: unknown;
}

/** Known types in BIMlink's order; any other string the server sends is passed through. */
export type SpatialStructureType = 'Plot' | 'Building' | 'BuildingPart' | 'Storey' | (string & {});

export interface SpatialStructureElement {
  id: Id;
  /** Absent or null for a root element. */
  parentId?: Id | null;
  name: string;
  type: SpatialStructureType;
  /** Storey height in metres. */
  elevation?: number;
  aliases?: string[];
  [field: string]: unknown;
}

/**
 * A BIM entity of any phase-scoped collection (instance, type, property, material, space, document, to-do …).
 * Only `id` is interpreted; it is '' when the server sent none (such entities are kept but never de-duplicated).
 */
export interface Entity {
  id: Id;
  [field: string]: unknown;
}

/** One page of a paginated collection. */
export interface Page<T> {
  /** The page's items, without any id already yielded by an earlier page of the same read. */
  items: T[];
  /** The offset that was asked for. */
  offset: number;
  /** The page size in force (the server's `Pagination-Limit` when it is smaller than the one asked for). */
  limit: number;
  /** Matching objects in total, when the server said so believably (or when the last page proved it). */
  total: number | undefined;
}

/** A phase-scoped, paginated GET collection, as learned from the OpenAPI document or the built-in list. */
export interface CollectionInfo {
  /** The path segment, e.g. `objectinstances`. */
  name: string;
  /** The OpenAPI path template, e.g. `/domainaccounts/{domainAccountId}/projectphases/{projectPhaseId}/objectinstances`. */
  pathTemplate: string;
  /** Whether it takes the storey filter (`spatialStructureElementId`). */
  storeyFilter: boolean;
  /** The largest `limit` the server accepts, when stated. */
  maxLimit?: number;
  /** A short human description (the operation summary), when stated. */
  summary?: string;
}
