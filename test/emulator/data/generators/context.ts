// What every generator of a phase's collections needs, and the one way they build a list.

import { entityId, entityIndex } from '../ids';
import type { IndexedList } from '../indexedList';
import type { PhaseNode } from '../catalog';
import type { PhaseHistory } from '../phaseHistory';
import type { PhaseSizes } from '../sizes';
import type { SpatialStructure } from '../spatial';

export interface PhaseContext {
  readonly phase: PhaseNode;
  /** Seed of the phase (ids, and everything but objects' identity and types). */
  readonly key: number;
  /** Where the phase stands in its project's history (lineages, GlobalIds, type content). */
  readonly history: PhaseHistory;
  readonly structure: SpatialStructure;
  readonly sizes: PhaseSizes;
  /** Object types are few (at most 5,000 per phase of the project) and used by every instance: computed once each. */
  readonly typeCache: unknown[];
  /** How many types so far carry each base name (see objectTypeAt). */
  readonly typeNameUses: Map<string, number>;
}

/** Collection codes: part of every generated id, so an id of one collection is not found in another. */
export const COLLECTION_CODES = {
  objectInstances: 1,
  objectTypes: 2,
  properties: 3,
  materials: 4,
  spaces: 5,
  documents: 6,
  todos: 7,
} as const;

export const idOf = (ctx: PhaseContext, code: number, index: number): string => entityId(ctx.key, code, index);

/** A computed list: element i is make(i, id). */
export function computedList<T>(
  ctx: PhaseContext,
  code: number,
  count: number,
  storeyLinked: number,
  make: (index: number, id: string) => T,
): IndexedList<T> {
  return {
    count,
    storeyLinked,
    storeyCount: ctx.structure.storeys.length,
    at: (index) => make(index, entityId(ctx.key, code, index)),
    indexOf: (id) => {
      const index = entityIndex(id, ctx.key, code);
      return index !== undefined && index < count ? index : undefined;
    },
  };
}

/** The storey of storey-linked element `index` (see IndexedList). */
export const storeyIdAt = (ctx: PhaseContext, index: number): string =>
  ctx.structure.storeys[index % ctx.structure.storeys.length]!.id;
