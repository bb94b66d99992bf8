// Reads the navigation DTOs from parsed JSON through the one table of accepted spellings (field-names.ts). The
// server's objects are never changed: each view holds the fields the extension needs beside `data`, the object as
// sent. Items without a usable id are skipped where the id is what makes them navigable.
import type { DomainAccount, Entity, Location, Project, ProjectPhase, SpatialStructureElement } from './dto';
import { fieldNames, findKey, readField, spatialTypeOf } from './fieldNames';
import { isObject, toId, toNumber, toText, type JsonObject } from './readJson';

const f = fieldNames;

function text(obj: JsonObject, spellings: readonly string[]): string | undefined {
  const field = readField(obj, spellings);
  return field && toText(field.value);
}

function number(obj: JsonObject, spellings: readonly string[]): number | undefined {
  const field = readField(obj, spellings);
  return field && toNumber(field.value);
}

function list<T>(raw: unknown, readItem: (item: unknown) => T | undefined): T[] {
  if (!Array.isArray(raw)) return [];
  const out: T[] = [];
  for (const item of raw) {
    const read = readItem(item);
    if (read !== undefined) out.push(read);
  }
  return out;
}

/** The id and name every navigable object has, or undefined when it has no id. */
function named(raw: unknown): { id: string; name: string; data: JsonObject } | undefined {
  if (!isObject(raw)) return undefined;
  const id = entityIdOf(raw);
  return id ? { id, name: text(raw, f.name) ?? '', data: raw } : undefined;
}

/** Sets `key` only when there is a value, so absent fields stay absent. */
function optional<T>(key: string, value: T | undefined): Record<string, T> {
  return value === undefined ? {} : { [key]: value };
}

export function readDomainAccount(raw: unknown): DomainAccount | undefined {
  return named(raw);
}

export function readProjectPhase(raw: unknown): ProjectPhase | undefined {
  const base = named(raw);
  if (!base) return undefined;
  return { ...base, ...optional('code', text(base.data, f.phase.code)), ...optional('order', number(base.data, f.phase.order)) };
}

export function readProject(raw: unknown): Project | undefined {
  const base = named(raw);
  if (!base) return undefined;
  return { ...base, ...optional('code', text(base.data, f.project.code)), phases: list(readField(base.data, f.project.phases)?.value, readProjectPhase) };
}

export function readLocation(raw: unknown): Location | undefined {
  const base = named(raw);
  if (!base) return undefined;
  return { ...base, ...optional('city', text(base.data, f.location.city)), projects: list(readField(base.data, f.location.projects)?.value, readProject) };
}

export function readSpatialStructureElement(raw: unknown): SpatialStructureElement | undefined {
  const base = named(raw);
  if (!base) return undefined;
  const { data } = base;
  const parent = readField(data, f.spatialElement.parentId);
  const parentId = parent?.value === null ? null : parent && toId(parent.value);
  const aliases = list(readField(data, f.spatialElement.aliases)?.value, toText);
  return {
    ...base,
    ...optional('parentId', parentId),
    type: spatialTypeOf(readField(data, f.spatialElement.type)?.value),
    ...optional('elevation', number(data, f.spatialElement.elevation)),
    ...(aliases.length ? { aliases } : {}),
  };
}

/** An entity as sent: any JSON object (other items are no entities and are skipped). */
export function readEntity(raw: unknown): Entity | undefined {
  return isObject(raw) ? raw : undefined;
}

/** An object's id under any accepted spelling, as an opaque string; '' when it has none. */
export function entityIdOf(entity: JsonObject): string {
  const direct = entity.id;
  if (typeof direct === 'string') return direct; // the fast path, for exports of millions
  const key = direct === undefined ? findKey(entity, f.id) : 'id';
  return (key !== undefined && toId(entity[key])) || '';
}

export const readDomainAccounts = (raw: unknown): DomainAccount[] => list(raw, readDomainAccount);
export const readLocations = (raw: unknown): Location[] => list(raw, readLocation);
