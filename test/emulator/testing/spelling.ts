// How an emulator dialect spells what tests look up in raw answers and paths: a collection's path segment and a
// field's key. Tests that read API answers themselves (to check what the extension shows) use it, so the same test
// holds in every dialect.
import { DIALECTS, type DialectName } from '../dialects';

export interface Spelling {
  /** The path segment of a routes.ts collection, e.g. `objectinstances` → `objects` in aspnet. */
  collection(name: string): string;
  /** The key of a routes.ts field in entity bodies, e.g. `spatialStructureElementId` → `SpatialStructureElementId`. */
  key(name: string): string;
}

export function spellingOf(dialect: DialectName): Spelling {
  const { collections, json } = DIALECTS[dialect];
  return {
    collection: name => collections[name] ?? name,
    key: name => json.keys === 'PascalCase' ? `${name[0]!.toUpperCase()}${name.slice(1)}` : name,
  };
}
