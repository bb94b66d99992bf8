// The ONE table of reference fields: which key of an entity holds the id of an entity of which collection. The
// server's OpenAPI schemas come first (openApiReferences.ts); built-in names second: the guessed fields of
// bimlink-api.md, and `<item>Id`/`<item>Ids` for every collection the client knows, under its name, its paths and
// its built-in aliases (so a collection renamed or added by `bimlink.collections` is recognized too). Keys compare
// like fieldNames.ts compares them (case, `_` and `-` do not count). An entity's own id is never a reference.
import type { BimlinkClient, CallOptions } from '../api/client';
import { BUILTIN_COLLECTIONS, SPATIAL_STRUCTURE_PATHS } from '../api/collections';
import type { CollectionInfo } from '../api/dto';
import { fieldNames, normalizeKey } from '../api/fieldNames';
import { SPATIAL_STRUCTURE_COLLECTION } from '../api/routes';
import { referencesFromOpenApi, singular, type ReferenceField } from './openApiReferences';

/** The spatial structure as a reference target (it is navigation, not one of the client's BIM collections). */
export const SPATIAL_STRUCTURE = SPATIAL_STRUCTURE_COLLECTION;

/** Guessed fields (bimlink-api.md; the emulator serves them): who refers to whom, for Find usages without a schema. */
const BUILTIN_FIELDS: readonly (readonly [owner: string, key: string, target: string])[] = [
  ['objectinstances', 'spatialStructureElementId', SPATIAL_STRUCTURE],
  ['objectinstances', 'objectTypeId', 'objecttypes'],
  ['objecttypes', 'materialIds', 'materials'],
  ['properties', 'objectTypeId', 'objecttypes'],
  ['properties', 'objectInstanceId', 'objectinstances'],
  ['spaces', 'spatialStructureElementId', SPATIAL_STRUCTURE],
  ['documents', 'objectInstanceId', 'objectinstances'],
  ['documents', 'objectTypeId', 'objecttypes'],
  ['todos', 'objectInstanceId', 'objectinstances'],
  [SPATIAL_STRUCTURE, 'parentId', SPATIAL_STRUCTURE],
];

/** Other names of the spatial structure's ids (a storey, its parent …), which no collection name gives. */
const SPATIAL_KEYS = ['storeyId', 'buildingStoreyId', 'levelId', 'spatialElementId', ...fieldNames.spatialElement.parentId,
  'buildingId', 'buildingPartId', 'plotId', 'siteId'];

/** The collections that may hold references to a target, and the keys they hold them under (as the table knows them). */
export interface Referrer {
  readonly collection: string;
  readonly keys: readonly string[];
}

const ownIdKeys = new Set(fieldNames.id.map(normalizeKey));
const MEMO_LIMIT = 10_000;

export class ReferenceTable {
  private readonly schemaOwned = new Map<string, string>();
  /** A schema key in any owner; null when the schema names two targets for it. */
  private readonly schemaKeys = new Map<string, string | null>();
  private readonly builtinKeys = new Map<string, string>();
  /** Answers by owner, then by the key as spelled: a scan asks the same few keys thousands of times. */
  private readonly memo = new Map<string, Map<string, string | null>>();
  /** The fields the OpenAPI document marks as references (empty without a document). */
  readonly fields: readonly ReferenceField[];

  /** Builds the table from the collections the client knows and, when the server has one, its OpenAPI document. */
  constructor(readonly collections: readonly CollectionInfo[], openApi?: unknown) {
    this.fields = referencesFromOpenApi(openApi, collections);
    for (const f of this.fields) {
      const k = normalizeKey(f.key);
      if (f.owner) this.schemaOwned.set(`${f.owner}\0${k}`, f.target);
      const known = this.schemaKeys.get(k);
      this.schemaKeys.set(k, known === undefined || known === f.target ? f.target : null);
    }
    const names = (c: CollectionInfo) => [c.name, ...c.paths, ...(BUILTIN_COLLECTIONS.find(b => b.name === c.name)?.paths ?? [])];
    for (const c of collections) for (const name of names(c)) this.addItemName(name, c.name);
    for (const name of [SPATIAL_STRUCTURE, ...SPATIAL_STRUCTURE_PATHS]) this.addItemName(name, SPATIAL_STRUCTURE);
    for (const key of SPATIAL_KEYS) this.builtinKeys.set(normalizeKey(key), SPATIAL_STRUCTURE);
  }

  /** The table for a signed-in client: its collections (with `bimlink.collections`) and its server's OpenAPI document. */
  static async of(client: BimlinkClient, options: CallOptions = {}): Promise<ReferenceTable> {
    const [collections, openApi] = await Promise.all([client.discoverCollections(options), client.openApiDocument(options)]);
    return new ReferenceTable(collections, openApi);
  }

  /** Whether a key names an entity's own id (`id`, `Id`, `guid` …): never a reference. */
  isOwnId(key: string): boolean {
    return ownIdKeys.has(normalizeKey(key));
  }

  /** The collection a key of an entity of `owner` points to, or undefined when it is no reference. */
  targetOf(key: string, owner?: string): string | undefined {
    let memo = this.memo.get(owner ?? '');
    if (!memo) this.memo.set(owner ?? '', memo = new Map());
    const known = memo.get(key);
    if (known !== undefined) return known ?? undefined;
    const k = normalizeKey(key);
    const target = ownIdKeys.has(k) ? undefined
      : (owner !== undefined ? this.schemaOwned.get(`${owner}\0${k}`) : undefined) ?? this.schemaKeys.get(k) ?? this.builtinKeys.get(k);
    if (memo.size >= MEMO_LIMIT) memo.clear(); // keys come from the server: bound what they can make us keep
    memo.set(key, target ?? null);
    return target;
  }

  /**
   * The collections whose entities may refer to an entity of `target`: as the schema says when the server has a
   * document, else as the built-in guesses say. The spatial structure is among them when it refers to itself.
   */
  referrersOf(target: string): Referrer[] {
    const fields = this.fields.length
      ? this.fields.filter(f => f.owner !== undefined).map(f => [f.owner!, f.key, f.target] as const)
      : BUILTIN_FIELDS;
    const byOwner = new Map<string, string[]>();
    for (const [owner, key, to] of fields) {
      if (to !== target || !(owner === SPATIAL_STRUCTURE || this.collections.some(c => c.name === owner))) continue;
      byOwner.set(owner, [...(byOwner.get(owner) ?? []), key]);
    }
    return [...byOwner].map(([collection, keys]) => ({ collection, keys }));
  }

  /** `materials` → `materialId` and `materialIds` point to materials (unless a guessed field says otherwise). */
  private addItemName(name: string, target: string): void {
    const item = singular(normalizeKey(name));
    for (const key of [`${item}id`, `${item}ids`]) if (!this.builtinKeys.has(key)) this.builtinKeys.set(key, target);
  }
}
