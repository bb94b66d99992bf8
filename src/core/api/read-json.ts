// Defensive readers for the server's JSON: ASP.NET may send `Id` or `id`, ids may be numbers, and unknown
// fields must survive. Readers never throw on a strange item; they return undefined and the caller skips it.

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An id as an opaque string: strings pass, finite numbers and bigints become strings, anything else is no id. */
export function toId(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'bigint') return value.toString();
  return undefined;
}

export function toText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    if (Number.isFinite(n)) return n;
  }
  return undefined;
}

/**
 * Renames, in place, any key that matches a canonical name case-insensitively (`Id`, `ID` → `id`;
 * `ParentId` → `parentId`), unless the canonical key is already there. Other keys are left alone.
 */
export function canonicalizeKeys<T extends JsonObject>(obj: T, canonical: readonly string[]): T {
  const missing = canonical.filter(k => !(k in obj));
  if (missing.length === 0) return obj;
  const wanted = new Map(missing.map(k => [k.toLowerCase(), k]));
  for (const key of Object.keys(obj)) {
    const target = wanted.get(key.toLowerCase());
    if (target === undefined || key === target) continue;
    const record = obj as JsonObject;
    record[target] = record[key];
    delete record[key];
    wanted.delete(key.toLowerCase());
  }
  return obj;
}

/** An array from the body, or undefined when the body is not one. */
export function asArray(value: unknown): unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}
