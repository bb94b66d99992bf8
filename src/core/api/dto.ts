// The shapes the client hands out. The navigation DTOs (domain accounts → locations → projects → phases, and the
// spatial structure) are views: the few fields the extension interprets, read through field-names.ts, beside
// `data`, the object exactly as the server sent it. Entities are not read at all: they stay as sent, and their
// id is read beside them (entityIdOf). Ids are opaque strings (a numeric id from the server becomes a string).
import type { JsonObject } from './readJson';

export type Id = string;

export interface DomainAccount {
  readonly id: Id;
  readonly name: string;
  /** As the server sent it. */
  readonly data: JsonObject;
}

export interface ProjectPhase {
  readonly id: Id;
  readonly name: string;
  readonly code?: string;
  /** The phase's place in the project's order (design, construction, operations …). */
  readonly order?: number;
  readonly data: JsonObject;
}

export interface Project {
  readonly id: Id;
  readonly name: string;
  /** The project's code or number. */
  readonly code?: string;
  readonly phases: readonly ProjectPhase[];
  readonly data: JsonObject;
}

export interface Location {
  readonly id: Id;
  readonly name: string;
  readonly city?: string;
  readonly projects: readonly Project[];
  readonly data: JsonObject;
}

/** Known types in BIMlink's order; any other string the server sends is passed through. */
export type SpatialStructureType = 'Plot' | 'Building' | 'BuildingPart' | 'Storey' | (string & {});

export interface SpatialStructureElement {
  readonly id: Id;
  /** Absent or null for a root element. */
  readonly parentId?: Id | null;
  readonly name: string;
  readonly type: SpatialStructureType;
  /** Storey height in metres. */
  readonly elevation?: number;
  readonly aliases?: readonly string[];
  readonly data: JsonObject;
}

/** A BIM entity of any phase-scoped collection (instance, type, property, material, space, document, to-do …), as sent. */
export type Entity = JsonObject;

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

/** A phase-scoped, paginated GET collection, as learned from the OpenAPI document, the built-in list or settings. */
export interface CollectionInfo {
  /** What the extension calls it, in document addresses and pickers, e.g. `objectinstances`. */
  name: string;
  /**
   * The path segments the server may serve it under, in the order to try: one when the OpenAPI document or a
   * setting says where it is, several plausible ones for a built-in collection on a server without an OpenAPI
   * document (the first that answers is remembered).
   */
  paths: readonly string[];
  /** Whether it takes the storey filter (`spatialStructureElementId`). */
  storeyFilter: boolean;
  /** The largest `limit` the server accepts, when stated. */
  maxLimit?: number;
  /** A short human description (the operation summary), when stated. */
  summary?: string;
  /** Where the collection came from: the server's OpenAPI document, the built-in list, or the user's settings. */
  source: 'openapi' | 'builtin' | 'settings';
}
