// Turns parsed JSON into the client's DTOs: known fields get their canonical name and type, everything else
// is kept as sent. Items without a usable id are skipped where the id is what makes them navigable.
import type { DomainAccount, Entity, Location, Project, ProjectPhase, SpatialStructureElement } from './dto';
import { canonicalizeKeys, isObject, toId, toNumber, toText, type JsonObject } from './read-json';

function readNamed(raw: unknown, keys: readonly string[]): JsonObject | undefined {
  if (!isObject(raw)) return undefined;
  const obj = canonicalizeKeys(raw, keys);
  const id = toId(obj.id);
  if (id === undefined) return undefined;
  obj.id = id;
  obj.name = toText(obj.name) ?? '';
  return obj;
}

function setOptionalText(obj: JsonObject, key: string): void {
  if (!(key in obj)) return;
  const text = toText(obj[key]);
  if (text === undefined) delete obj[key];
  else obj[key] = text;
}

function setOptionalNumber(obj: JsonObject, key: string): void {
  if (!(key in obj)) return;
  const n = toNumber(obj[key]);
  if (n === undefined) delete obj[key];
  else obj[key] = n;
}

function readList<T>(raw: unknown, readItem: (item: unknown) => T | undefined): T[] {
  if (!Array.isArray(raw)) return [];
  const out: T[] = [];
  for (const item of raw) {
    const read = readItem(item);
    if (read !== undefined) out.push(read);
  }
  return out;
}

export function readDomainAccount(raw: unknown): DomainAccount | undefined {
  return readNamed(raw, ['id', 'name']) as DomainAccount | undefined;
}

export function readProjectPhase(raw: unknown): ProjectPhase | undefined {
  const obj = readNamed(raw, ['id', 'name', 'code', 'order']);
  if (!obj) return undefined;
  setOptionalText(obj, 'code');
  setOptionalNumber(obj, 'order');
  return obj as ProjectPhase;
}

export function readProject(raw: unknown): Project | undefined {
  const obj = readNamed(raw, ['id', 'name', 'number', 'phases']);
  if (!obj) return undefined;
  setOptionalText(obj, 'number');
  obj.phases = readList(obj.phases, readProjectPhase);
  return obj as Project;
}

export function readLocation(raw: unknown): Location | undefined {
  const obj = readNamed(raw, ['id', 'name', 'city', 'projects']);
  if (!obj) return undefined;
  setOptionalText(obj, 'city');
  obj.projects = readList(obj.projects, readProject);
  return obj as Location;
}

export function readSpatialStructureElement(raw: unknown): SpatialStructureElement | undefined {
  const obj = readNamed(raw, ['id', 'parentId', 'name', 'type', 'elevation', 'aliases']);
  if (!obj) return undefined;
  const parentId = obj.parentId === null ? null : toId(obj.parentId);
  if (parentId === undefined) delete obj.parentId;
  else obj.parentId = parentId;
  obj.type = toText(obj.type) ?? '';
  setOptionalNumber(obj, 'elevation');
  if ('aliases' in obj) {
    const aliases = readList(obj.aliases, toText);
    if (aliases.length) obj.aliases = aliases;
    else delete obj.aliases;
  }
  return obj as SpatialStructureElement;
}

/** Any BIM entity: only the id is canonicalized (the fast path when `id` is already a string). */
export function readEntity(raw: unknown): Entity | undefined {
  if (!isObject(raw)) return undefined;
  if (typeof raw.id === 'string') return raw as Entity;
  const obj = canonicalizeKeys(raw, ['id']);
  obj.id = toId(obj.id) ?? '';
  return obj as Entity;
}

export const readDomainAccounts = (raw: unknown): DomainAccount[] => readList(raw, readDomainAccount);
export const readLocations = (raw: unknown): Location[] => readList(raw, readLocation);
