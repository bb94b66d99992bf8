// Which phase-scoped BIM collections exist. The server's OpenAPI document is the authority (the set is open and
// its limits differ per action); the built-in list, from what is known and guessed, is the fallback.
import type { CollectionInfo } from './dto';
import { PHASE_COLLECTION_TEMPLATE, queryNames, SPATIAL_STRUCTURE_COLLECTION } from './routes';

const builtin = (name: string, aliases: readonly string[], summary: string, maxLimit: number, storeyFilter: boolean): CollectionInfo => ({
  name,
  paths: [name, ...aliases],
  storeyFilter,
  maxLimit,
  summary,
  source: 'builtin',
});

/**
 * Guessed (see bimlink-api.md): names, other plausible names (tried in order on a server without an OpenAPI
 * document), storey filter and limits must be checked against the real Swagger. Types and materials are shared
 * across storeys, so they take no storey filter.
 */
export const BUILTIN_COLLECTIONS: readonly CollectionInfo[] = Object.freeze([
  builtin('objectinstances', ['objects', 'elements', 'instances', 'buildingelements'], 'Object instances (building elements with their IFC GlobalId)', 1000, true),
  builtin('objecttypes', ['types', 'elementtypes', 'objecttype'], 'Object types', 500, false),
  builtin('properties', ['parameters', 'propertyvalues'], 'Properties (parameters of types and instances)', 500, true),
  builtin('materials', ['material'], 'Materials', 500, false),
  builtin('spaces', ['rooms', 'ifcspaces'], 'Spaces (rooms)', 500, true),
  builtin('documents', ['files', 'documentmetadata'], 'Documents (metadata)', 500, true),
  builtin('todos', ['tasks', 'issues'], 'To-dos', 500, true),
]);

/** The spatial structure's plausible path segments, in the order to try. */
export const SPATIAL_STRUCTURE_PATHS: readonly string[] = [SPATIAL_STRUCTURE_COLLECTION, 'spatialstructure', 'spatialelements', 'spatialstructureelement'];

/**
 * The collections the extension offers: the OpenAPI document's (named after the built-in collection whose
 * plausible paths hold it, so `objects` is still "objectinstances"), else the built-in list; then the user's
 * `bimlink.collections` setting, which renames a collection (`{ "objectinstances": "elements" }`) or adds one.
 */
export function mergeCollections(fromServer: readonly CollectionInfo[] | undefined, settings: Readonly<Record<string, string>> = {}): CollectionInfo[] {
  const merged = new Map<string, CollectionInfo>();
  for (const found of fromServer ?? BUILTIN_COLLECTIONS) {
    const known = BUILTIN_COLLECTIONS.find(b => b.paths.includes(found.paths[0]!.toLowerCase()));
    const name = known && found.source === 'openapi' && !fromServer!.some(c => c !== found && c.name === known.name) ? known.name : found.name;
    if (!merged.has(name)) merged.set(name, { ...found, name, summary: found.summary ?? known?.summary });
  }
  for (const [name, path] of Object.entries(settings)) {
    const known = merged.get(name);
    merged.set(name, { ...(known ?? { storeyFilter: true, summary: 'From the bimlink.collections setting' }), name, paths: [path], source: 'settings' });
  }
  return [...merged.values()];
}

type Json = Record<string, unknown>;
const isJson = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Derives the BIM collections from an OpenAPI 3 (or Swagger 2) document: every GET on
 * `/domainaccounts/{…}/projectphases/{…}/<name>` that takes `limit` and `offset`. The spatial structure is
 * left out (it is navigation, not BIM data). Returns [] when the document has no such paths.
 */
export function collectionsFromOpenApi(doc: unknown): CollectionInfo[] {
  if (!isJson(doc) || !isJson(doc.paths)) return [];
  const found = new Map<string, CollectionInfo>();
  for (const [template, pathItem] of Object.entries(doc.paths)) {
    const match = PHASE_COLLECTION_TEMPLATE.exec(template);
    if (!match || !isJson(pathItem) || !isJson(pathItem.get)) continue;
    const name = match[1].toLowerCase();
    if (name === SPATIAL_STRUCTURE_COLLECTION || found.has(name)) continue;
    const params = [...asList(pathItem.parameters), ...asList(pathItem.get.parameters)]
      .map(p => resolveRef(doc, p))
      .filter(isJson)
      .filter(p => String(p.in ?? 'query').toLowerCase() === 'query');
    const named = (n: string): Json | undefined => params.find(p => String(p.name ?? '').toLowerCase() === n.toLowerCase());
    const limit = named(queryNames.limit);
    if (!limit || !named(queryNames.offset)) continue;
    const summary = typeof pathItem.get.summary === 'string' && pathItem.get.summary.trim() ? pathItem.get.summary.trim() : undefined;
    found.set(name, {
      name,
      paths: [match[1]],
      source: 'openapi',
      storeyFilter: named(queryNames.storeyFilter) !== undefined,
      maxLimit: maximumOf(doc, limit),
      ...(summary ? { summary } : {}),
    });
  }
  return [...found.values()];
}

/** The largest page size to ask for: the wanted size, within the collection's stated maximum. */
export function pageSizeFor(collection: Pick<CollectionInfo, 'maxLimit'> | undefined, wanted: number): number {
  const size = Math.max(1, Math.floor(wanted));
  return collection?.maxLimit !== undefined ? Math.min(size, collection.maxLimit) : size;
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Follows a local `$ref` (`#/components/parameters/Limit`), a few levels deep at most. */
function resolveRef(doc: Json, value: unknown, depth = 0): unknown {
  if (!isJson(value) || typeof value.$ref !== 'string' || depth > 5) return value;
  const ref = value.$ref;
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = doc;
  for (const part of ref.slice(2).split('/')) {
    if (!isJson(node)) return undefined;
    node = node[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return resolveRef(doc, node, depth + 1);
}

/** `maximum` of the limit parameter: in its schema (OpenAPI 3) or on the parameter itself (Swagger 2). */
function maximumOf(doc: Json, param: Json): number | undefined {
  const schema = resolveRef(doc, param.schema);
  const raw = isJson(schema) && schema.maximum !== undefined ? schema.maximum : param.maximum;
  const max = typeof raw === 'string' ? Number(raw) : raw;
  return typeof max === 'number' && Number.isFinite(max) && max >= 1 ? Math.floor(max) : undefined;
}
