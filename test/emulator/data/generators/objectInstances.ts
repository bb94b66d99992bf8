// Object instances: instance i lies on storey i % storeyCount. Its identity is a lineage of the
// project's history (phaseHistory.ts): GlobalId, tag (a Revit element id) and name follow the
// lineage from phase to phase; the type may change on the way (retyped), the name too (renamed).

import { ifcGlobalId } from '../ids';
import { mix } from '../../random';
import type { IndexedList } from '../indexedList';
import type { ObjectInstance } from '../models';
import { birthOrdinal, inPhase, isRetyped, lineageAt, renameCount } from '../phaseHistory';
import { COLLECTION_CODES, computedList, idOf, storeyIdAt, type PhaseContext } from './context';
import { objectTypeAt, type ObjectTypeInfo } from './objectTypes';

export interface ObjectInstanceInfo extends ObjectInstance {
  readonly type: ObjectTypeInfo;
}

export function objectInstanceAt(ctx: PhaseContext, index: number, id = idOf(ctx, COLLECTION_CODES.objectInstances, index)): ObjectInstanceInfo {
  const h = ctx.history;
  const lineage = lineageAt(h, index);
  const birth = birthOrdinal(h, lineage);
  const original = mix(h.projectKey, 30, lineage) % h.typeCounts[birth]!;
  const type = objectTypeAt(ctx, currentTypeIndex(ctx, lineage, birth, original));
  // lineage * 3 + (0..2) keeps tags unique and irregular, like Revit element ids.
  const tag = String(300000 + lineage * 3 + (mix(h.projectKey, 31, lineage) % 3));
  const renamed = renameCount(h, lineage);
  // The name follows the ORIGINAL type, so a retype does not rename the object.
  return {
    id,
    name: `${objectTypeAt(ctx, original).name}:${tag}${renamed > 0 ? ` (rev ${renamed + 1})` : ''}`,
    ifcType: type.ifcType,
    globalId: ifcGlobalId(h.projectKey, lineage),
    storeyId: storeyIdAt(ctx, index),
    objectTypeId: type.id,
    tag,
    type,
  };
}

/** The lineage's type in this phase: the original, replaced in every phase that retypes it. */
function currentTypeIndex(ctx: PhaseContext, lineage: number, birth: number, original: number): number {
  const h = ctx.history;
  let type = original;
  for (let k = birth + 1; k <= h.ordinal; k++) {
    if (inPhase(h, k, lineage) && isRetyped(h, k, lineage)) type = retypeTarget(ctx, lineage, k, type);
  }
  return type % h.typeCounts[h.ordinal]!;
}

/** A type of phase k with another NAME than the current one, so a retype shows when types are compared by name. */
function retypeTarget(ctx: PhaseContext, lineage: number, k: number, current: number): number {
  const count = ctx.history.typeCounts[k]!;
  const name = objectTypeAt(ctx, current).name;
  let candidate = mix(ctx.history.projectKey, 83, lineage, k) % count;
  for (let tries = 0; tries < count; tries++, candidate = (candidate + 1) % count) {
    if (objectTypeAt(ctx, candidate).name !== name) return candidate;
  }
  return current;
}

export function objectInstanceList(ctx: PhaseContext): IndexedList<ObjectInstance> {
  return computedList(ctx, COLLECTION_CODES.objectInstances, ctx.sizes.objectInstances, ctx.sizes.objectInstances, (i, id) => {
    const { type: _type, ...instance } = objectInstanceAt(ctx, i, id);
    return instance;
  });
}

/**
 * An instance on the same storey as storey-linked element `index` of another collection
 * (documents, to-dos), so those collections can be filtered by storey with the same arithmetic.
 */
export function instanceIndexOnStoreyOf(ctx: PhaseContext, index: number, salt: number): number {
  const storeys = ctx.structure.storeys.length;
  const storey = index % storeys;
  const onStorey = Math.floor((ctx.sizes.objectInstances - 1 - storey) / storeys) + 1;
  return storey + storeys * (mix(ctx.key, salt, index) % onStorey);
}
