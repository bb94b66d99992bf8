// The ONE table of the JSON field names the client interprets, each with every spelling it accepts. The real
// API's names are guesses (see bimlink-api.md): ASP.NET with Newtonsoft keeps C# names (`Id`, `ProjectPhases`),
// System.Text.Json makes them camelCase, and a name may differ altogether (`number` or `code`). A key matches a
// spelling ignoring case and `_`/`-`, so `ProjectPhases`, `projectPhases` and `project_phases` are one name.
// When the real Swagger document is seen, put its names first here (and beside them in routes.ts).
import type { JsonObject } from './readJson';

export const fieldNames = {
  id: ['id', 'guid', 'uuid'],
  name: ['name', 'displayName', 'title'],
  domainAccount: {},
  location: {
    city: ['city', 'place', 'town', 'municipality'],
    projects: ['projects'],
  },
  project: {
    code: ['code', 'number', 'projectNumber', 'projectCode'],
    phases: ['phases', 'projectPhases'],
  },
  phase: {
    code: ['code', 'phaseCode', 'abbreviation', 'shortName'],
    order: ['order', 'sortOrder', 'sequence', 'sequenceNumber', 'position', 'index', 'rank'],
  },
  spatialElement: {
    parentId: ['parentId', 'parentElementId', 'parentSpatialStructureElementId', 'parent'],
    type: ['type', 'elementType', 'spatialStructureType', 'spatialStructureElementType', 'kind'],
    elevation: ['elevation', 'height', 'storeyElevation'],
    aliases: ['aliases', 'alias', 'alternativeNames'],
  },
} as const;

/**
 * Spatial element types: the names the client knows, and every spelling of each (numbers are the C# enum's
 * values, in BIMlink's order). Any other value is passed through as text.
 */
export const spatialTypeNames = {
  Plot: ['plot', 'site', 'ifcsite', 'perceel', '0'],
  Building: ['building', 'ifcbuilding', 'gebouw', '1'],
  BuildingPart: ['buildingpart', 'part', 'ifcbuildingpart', 'bouwdeel', 'wing', '2'],
  Storey: ['storey', 'buildingstorey', 'ifcbuildingstorey', 'story', 'floor', 'level', 'verdieping', 'bouwlaag', '3'],
} as const;

/** How a key is compared: case, `_` and `-` do not count. */
export const normalizeKey = (key: string): string => key.replace(/[_-]/g, '').toLowerCase();

/** The key of `obj` that spells one of `spellings`, in the table's order of preference; undefined when none does. */
export function findKey(obj: JsonObject, spellings: readonly string[]): string | undefined {
  for (const spelling of spellings) if (Object.prototype.hasOwnProperty.call(obj, spelling)) return spelling; // the common case
  const keys = Object.keys(obj);
  const normalized = keys.map(normalizeKey);
  for (const spelling of spellings) {
    const at = normalized.indexOf(normalizeKey(spelling));
    if (at >= 0) return keys[at];
  }
  return undefined;
}

/** The value under any spelling of a field, and the key it was found under. */
export function readField(obj: JsonObject, spellings: readonly string[]): { key: string; value: unknown } | undefined {
  const key = findKey(obj, spellings);
  return key === undefined ? undefined : { key, value: obj[key] };
}

/** The spatial type a value names (`"Storey"`, `"IfcBuildingStorey"`, `3` …), or the value as text. */
export function spatialTypeOf(value: unknown): string {
  const text = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  const normalized = normalizeKey(text).replace(/\s+/g, '');
  for (const [type, spellings] of Object.entries(spatialTypeNames)) {
    if ((spellings as readonly string[]).includes(normalized)) return type;
  }
  return text;
}
