// Dialects: other plausible ways the real server may spell the SAME API. Nobody outside BIMlink
// has seen its Swagger file (see /work/shared/bimlink-api.md), so the extension must read more
// than one spelling; a dialect lets its tests meet another one. routes.ts stays the one place
// that names paths and fields; a dialect only declares how it differs from that table, and the
// handlers apply the declaration (same data, counts, users and sign-in in every dialect).

import type { PhaseRoute } from './api/routeModel';

export type DialectName = 'bimlink' | 'aspnet';

export interface Dialect {
  readonly name: DialectName;
  /** One line for `--help`. */
  readonly summary: string;
  readonly json: {
    /** DTO keys as routes.ts names them, or with the first letter upper-cased (Newtonsoft keeping C# names). */
    readonly keys: 'asDeclared' | 'PascalCase';
    /** Keys named otherwise: DTO schema name → routes.ts field name → the key sent (the case rule is not applied to it). */
    readonly renames: Readonly<Record<string, Readonly<Record<string, string>>>>;
    /** Enum fields sent as the value's index in the schema's enum (a C# enum without StringEnumConverter). */
    readonly numericEnums: Readonly<Record<string, readonly string[]>>;
    /** GUID values (fields of format uuid, at any depth) as generated (lower case) or upper-cased (.NET `Guid.ToString("D").ToUpper()`-style stores). */
    readonly guids: 'asDeclared' | 'upper';
  };
  /** Phase collections whose path segment differs: routes.ts name → segment. The routes.ts name then answers 404. */
  readonly collections: Readonly<Record<string, string>>;
  readonly pagination: {
    /** Replaces every collection's maximum `limit`, when set. */
    readonly maxLimit?: number;
    /** A `limit` above the maximum: 400 ValidationProblemDetails, or served as the maximum. */
    readonly tooLargeLimit: 'reject' | 'clamp';
    /** When `Pagination-Result` is sent: on every page, or only while objects follow the page (offset + limit < total). */
    readonly total: 'always' | 'whileMoreFollow';
  };
  /** Query parameter names matched exactly, or ignoring case like ASP.NET model binding. */
  readonly queryNames: 'exact' | 'ignoreCase';
  /** API error statuses answered with an empty body instead of ProblemDetails (401 always has its challenge in WWW-Authenticate). */
  readonly emptyErrorBodies: readonly number[];
  /** Whether /swagger/v1/swagger.json is served. */
  readonly openApiDocument: boolean;
}

export const DIALECTS: Readonly<Record<DialectName, Dialect>> = {
  // The guess in routes.ts, unchanged.
  bimlink: {
    name: 'bimlink',
    summary: 'the guessed API: camelCase, OpenAPI document, 400 above the maximum limit',
    json: { keys: 'asDeclared', renames: {}, numericEnums: {}, guids: 'asDeclared' },
    collections: {},
    pagination: { tooLargeLimit: 'reject', total: 'always' },
    queryNames: 'exact',
    emptyErrorBodies: [401],
    openApiDocument: true,
  },
  // ASP.NET Core + IdentityServer with Newtonsoft defaults and C# names, without NSwag.
  aspnet: {
    name: 'aspnet',
    summary: 'ASP.NET Core style: PascalCase, other names, upper-case GUIDs, no OpenAPI, limits clamped to 250',
    json: {
      keys: 'PascalCase',
      renames: {
        ProjectDto: { number: 'Code', phases: 'ProjectPhases' },
        ProjectPhaseDto: { order: 'SortOrder' },
        SpatialStructureElementDto: { type: 'ElementType' },
      },
      numericEnums: { SpatialStructureElementDto: ['type'] }, // Plot=0, Building=1, BuildingPart=2, Storey=3
      guids: 'upper',
    },
    collections: { objectinstances: 'objects', spaces: 'rooms' },
    pagination: { maxLimit: 250, tooLargeLimit: 'clamp', total: 'whileMoreFollow' },
    queryNames: 'ignoreCase',
    emptyErrorBodies: [401, 403],
    openApiDocument: false,
  },
};

export const DEFAULT_DIALECT: DialectName = 'bimlink';
export const DIALECT_NAMES = Object.keys(DIALECTS) as DialectName[];

export const isDialectName = (name: unknown): name is DialectName => typeof name === 'string' && Object.hasOwn(DIALECTS, name);

/** The dialect called `name`; a RangeError naming the accepted ones otherwise. */
export function dialectNamed(name: string | undefined): Dialect {
  if (name === undefined) return DIALECTS[DEFAULT_DIALECT];
  if (!isDialectName(name)) throw new RangeError(`dialect must be one of ${DIALECT_NAMES.map((n) => `'${n}'`).join(', ')}, got '${name}'`);
  return DIALECTS[name];
}

/** The collection's path segment in this dialect. */
export const collectionName = (dialect: Dialect, route: PhaseRoute): string => dialect.collections[route.name] ?? route.name;

/** The route's path in this dialect: its last segment (the collection name, by routes.ts convention) renamed. */
export function collectionPath(dialect: Dialect, route: PhaseRoute): string {
  const suffix = `/${route.name}`;
  if (!route.path.endsWith(suffix)) throw new Error(`Route ${route.path} does not end with its name '${route.name}'`);
  return `${route.path.slice(0, -suffix.length)}/${collectionName(dialect, route)}`;
}
