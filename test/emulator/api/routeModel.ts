// The vocabulary of the route table (routes.ts): DTO field lists that produce both the JSON
// and the OpenAPI schema, so the two cannot drift apart.

import type { DomainAccountNode } from '../data/catalog';
import type { IndexedList } from '../data/indexedList';
import type { PhaseCollections } from '../data/phaseDataset';

/** The subset of OpenAPI 3.0 Schema Object the emulator uses. */
export interface SchemaObject {
  type?: 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object';
  format?: string;
  nullable?: boolean;
  description?: string;
  enum?: string[];
  items?: SchemaObject;
  $ref?: string;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  additionalProperties?: boolean | SchemaObject;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  default?: unknown;
  example?: unknown;
}

export type Dto = Record<string, unknown>;

export interface FieldDef<M> {
  readonly name: string;
  readonly schema: SchemaObject;
  /** Optional fields may be absent from the JSON (non-null fields are `required` in the schema). */
  readonly get: (model: M) => unknown;
}

export interface DtoDef<M> {
  readonly schemaName: string;
  readonly fields: readonly FieldDef<M>[];
  readonly toDto: (model: M) => Dto;
}

export function dto<M>(schemaName: string, fields: readonly FieldDef<M>[]): DtoDef<M> {
  return {
    schemaName,
    fields,
    toDto: (model) => Object.fromEntries(fields.map((f) => [f.name, f.get(model)])),
  };
}

/** What the OpenAPI document needs of a DTO (a DtoDef without its getters). */
export interface DtoShape {
  readonly schemaName: string;
  readonly fields: readonly { readonly name: string; readonly schema: SchemaObject }[];
}

/** The schema of a DTO, for components/schemas. */
export function dtoSchema(def: DtoShape): SchemaObject {
  return {
    type: 'object',
    additionalProperties: false,
    required: def.fields.filter((f) => !f.schema.nullable).map((f) => f.name),
    properties: Object.fromEntries(def.fields.map((f) => [f.name, f.schema])),
  };
}

export const refTo = (def: { schemaName: string }): SchemaObject => ({ $ref: `#/components/schemas/${def.schemaName}` });

/** Schema shorthands. */
export const s = {
  id: (description: string): SchemaObject => ({ type: 'string', format: 'uuid', description }),
  text: (description: string, example?: string): SchemaObject => ({ type: 'string', description, ...(example ? { example } : {}) }),
  int: (description: string): SchemaObject => ({ type: 'integer', format: 'int32', description }),
  long: (description: string): SchemaObject => ({ type: 'integer', format: 'int64', description }),
  number: (description: string): SchemaObject => ({ type: 'number', format: 'double', description }),
  dateTime: (description: string): SchemaObject => ({ type: 'string', format: 'date-time', description }),
  date: (description: string): SchemaObject => ({ type: 'string', format: 'date', description }),
  arrayOf: (items: SchemaObject, description: string): SchemaObject => ({ type: 'array', items, description }),
  nullable: (schema: SchemaObject): SchemaObject => ({ ...schema, nullable: true }),
};

/** What a navigation route reads: the user's accounts, and the one in the path, if any. */
export interface NavigationScope {
  readonly accounts: readonly DomainAccountNode[];
  readonly account: DomainAccountNode | undefined;
}

/** A non-paginated route whose data does not depend on a phase. */
export interface NavigationRoute {
  readonly operationId: string;
  readonly tag: string;
  readonly summary: string;
  readonly path: string;
  readonly dto: DtoShape;
  /** Runs after the domain account (if the path has one) has been resolved and checked. */
  readonly read: (scope: NavigationScope) => Dto[];
}

export interface PageLimits {
  /** Used when `limit` is absent. */
  readonly defaultLimit: number;
  /** Larger values are rejected with 400 (see PAGINATION in routes.ts), or clamped in a dialect that clamps (dialects.ts). */
  readonly maxLimit: number;
}

/** A paginated collection under /domainaccounts/{id}/projectphases/{id}/. */
export interface PhaseRoute {
  /** Path segment, e.g. `objectinstances`. */
  readonly name: string;
  readonly tag: string;
  readonly summary: string;
  readonly path: string;
  readonly getAllOperationId: string;
  /** Single entity at `${path}/{itemIdParameter}`, when the collection has it. */
  readonly item?: { readonly operationId: string; readonly idParameter: string };
  readonly limits: PageLimits;
  /** Whether `spatialStructureElementId` filters this collection. */
  readonly storeyFilter: boolean;
  readonly dto: DtoShape;
  readonly open: (collections: PhaseCollections) => IndexedList<Dto>;
}

/** Defines a phase route, checking at compile time that the list and the DTO fit together. */
export function phaseRoute<M>(
  def: Omit<PhaseRoute, 'dto' | 'open'> & { dto: DtoDef<M>; list: (collections: PhaseCollections) => IndexedList<M> },
): PhaseRoute {
  const { list, dto: dtoDef, ...rest } = def;
  return {
    ...rest,
    dto: dtoDef,
    open: (collections) => {
      const models = list(collections);
      return { ...models, at: (index) => dtoDef.toDto(models.at(index)), indexOf: (id) => models.indexOf(id) };
    },
  };
}

export function navigationRoute<M>(
  def: Omit<NavigationRoute, 'dto' | 'read'> & { dto: DtoDef<M>; list: (scope: NavigationScope) => readonly M[] },
): NavigationRoute {
  const { list, dto: dtoDef, ...rest } = def;
  return {
    ...rest,
    dto: dtoDef,
    read: (scope) => list(scope).map(dtoDef.toDto),
  };
}
