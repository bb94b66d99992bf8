// Which DTO fields the server's OpenAPI document marks as ids of another collection. No standard says how, so this
// reads it tolerantly, strongest sign first:
//   1. an `x-` extension on the field whose text names a collection (`x-references: "objecttypes"`, `x-collection`,
//      a schema name such as `ObjectTypeDto` …);
//   2. a string/integer field (or an array of them) named `<stem>Id`/`<stem>Ids` whose stem is what the document
//      itself calls a collection's item: the id parameter of its single-entity route (`/objecttypes/{objectTypeId}`),
//      the schema its GET returns (`ObjectTypeDto`), or its path in the singular (`materials` → `materialId`);
//   3. `parentId` (any stem `parent`): the collection the DTO itself belongs to (a tree, like the spatial structure).
// Prose descriptions are not read: "The storey the instance is on" names no collection reliably.
import type { CollectionInfo } from '../api/dto';
import { fieldNames, normalizeKey } from '../api/fieldNames';
import { PHASE_COLLECTION_TEMPLATE, SPATIAL_STRUCTURE_COLLECTION } from '../api/routes';

/** A DTO field that holds the id (or ids) of an entity of `target`. */
export interface ReferenceField {
  /** The collection whose entities carry the field; undefined when the schema belongs to no known collection. */
  readonly owner?: string;
  readonly key: string;
  readonly target: string;
  /** An array of ids. */
  readonly many: boolean;
}

type Json = Record<string, unknown>;
const isJson = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const ITEM_TEMPLATE = /^\/domainaccounts\/\{[^/{}]+\}\/projectphases\/\{[^/{}]+\}\/([A-Za-z0-9_-]+)\/\{([^/{}]+)\}\/?$/i;
const SCHEMA_SUFFIX = /(dto|model|viewmodel|response|resource|item|entity)$/;
const ID_SUFFIX = /ids?$/;
const ownIdKeys = new Set(fieldNames.id.map(normalizeKey));

/** `materials` → `material`, `properties` → `property`. */
export const singular = (name: string): string => name.replace(/ies$/, 'y').replace(/s$/, '');

export function referencesFromOpenApi(doc: unknown, collections: readonly CollectionInfo[]): ReferenceField[] {
  if (!isJson(doc) || !isJson(doc.paths)) return [];
  const schemas = (isJson(doc.components) && isJson(doc.components.schemas) ? doc.components.schemas : undefined)
    ?? (isJson(doc.definitions) ? doc.definitions : {});
  const ofSegment = (segment: string): string | undefined => {
    const s = segment.toLowerCase();
    if (s === SPATIAL_STRUCTURE_COLLECTION) return s;
    return collections.find(c => c.name.toLowerCase() === s || c.paths.some(p => p.toLowerCase() === s))?.name;
  };
  const stems = new Map<string, string>(); // normalized item name → collection
  const schemaOwners = new Map<string, string>();
  const inline: { schema: Json; owner: string }[] = [];
  for (const c of collections) for (const name of [c.name, ...c.paths]) stems.set(singular(normalizeKey(name)), c.name);
  stems.set(singular(SPATIAL_STRUCTURE_COLLECTION), SPATIAL_STRUCTURE_COLLECTION);

  for (const [template, pathItem] of Object.entries(doc.paths)) {
    const item = ITEM_TEMPLATE.exec(template);
    const owner = ofSegment((item ?? PHASE_COLLECTION_TEMPLATE.exec(template))?.[1] ?? '');
    if (!owner) continue;
    if (item) stems.set(normalizeKey(item[2]!).replace(ID_SUFFIX, ''), owner);
    const returned = returnedSchema(pathItem);
    if (typeof returned === 'string') {
      schemaOwners.set(returned, owner);
      stems.set(normalizeKey(returned).replace(SCHEMA_SUFFIX, ''), owner);
    } else if (returned) inline.push({ schema: returned, owner });
  }

  const namesCollection = (text: string): string | undefined => {
    const n = normalizeKey(text.replace(/^#\/.*\//, ''));
    return ofSegment(n) ?? schemaOwners.get(text.replace(/^#\/.*\//, '')) ?? stems.get(n.replace(SCHEMA_SUFFIX, '')) ?? stems.get(singular(n));
  };
  const found: ReferenceField[] = [];
  const readSchema = (schema: unknown, owner: string | undefined): void => {
    for (const [key, raw] of Object.entries(propertiesOf(doc, schema))) {
      const field = resolve(doc, raw);
      const many = field?.type === 'array';
      const value = many ? resolve(doc, field.items) : field;
      if (ownIdKeys.has(normalizeKey(key)) || !field || !value || (value.type !== undefined && value.type !== 'string' && value.type !== 'integer')) continue;
      const explicit = [...extensionTexts(field), ...extensionTexts(value)].map(namesCollection).find(Boolean);
      const k = normalizeKey(key);
      const stem = k.replace(ID_SUFFIX, '');
      const named = !ID_SUFFIX.test(k) ? undefined : stem === 'parent' ? owner : stems.get(stem);
      const target = explicit ?? named;
      if (target) found.push({ ...(owner ? { owner } : {}), key, target, many });
    }
  };
  for (const [name, schema] of Object.entries(schemas)) readSchema(schema, schemaOwners.get(name));
  for (const { schema, owner } of inline) readSchema(schema, owner);
  return found;
}

/** The items' schema a GET answers with: a `$ref` name, an inline object schema, or undefined. */
function returnedSchema(pathItem: unknown): string | Json | undefined {
  const get = isJson(pathItem) && isJson(pathItem.get) ? pathItem.get : undefined;
  const ok = get && isJson(get.responses) ? get.responses['200'] ?? get.responses['default'] : undefined;
  if (!isJson(ok)) return undefined;
  const content = isJson(ok.content) ? ok.content['application/json'] ?? Object.values(ok.content)[0] : undefined;
  let schema: unknown = isJson(content) ? content.schema : ok.schema; // OpenAPI 3, else Swagger 2
  if (isJson(schema) && schema.type === 'array') schema = schema.items;
  if (isJson(schema) && typeof schema.$ref === 'string') return schema.$ref.replace(/^.*\//, '');
  return isJson(schema) && isJson(schema.properties) ? schema : undefined;
}

/** A schema's properties, its `allOf` parts' too. */
function propertiesOf(doc: Json, schema: unknown, depth = 0): Json {
  const s = resolve(doc, schema);
  if (!s || depth > 5) return {};
  const parts = Array.isArray(s.allOf) ? s.allOf.map(part => propertiesOf(doc, part, depth + 1)) : [];
  return Object.assign({}, ...parts, isJson(s.properties) ? s.properties : {}) as Json;
}

/** Follows a local `$ref` a few levels deep; undefined for anything that is no schema object. */
function resolve(doc: Json, value: unknown, depth = 0): Json | undefined {
  if (!isJson(value)) return undefined;
  if (typeof value.$ref !== 'string') return value;
  if (!value.$ref.startsWith('#/') || depth > 5) return undefined;
  let node: unknown = doc;
  for (const part of value.$ref.slice(2).split('/')) node = isJson(node) ? node[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  return resolve(doc, node, depth + 1);
}

/** The texts of a field's `x-` extensions (a string, or a `{ collection | schema | name }` object). */
function extensionTexts(field: Json): string[] {
  const texts: string[] = [];
  for (const [key, value] of Object.entries(field)) {
    if (!key.toLowerCase().startsWith('x-')) continue;
    if (typeof value === 'string') texts.push(value);
    else if (isJson(value)) for (const v of Object.values(value)) if (typeof v === 'string') texts.push(v);
  }
  return texts;
}
