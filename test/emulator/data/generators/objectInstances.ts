// Object instances: instance i lies on storey i % storeyCount and has a pseudo-random type, a
// Revit element id as tag, and a unique 22-character IFC GlobalId.

import { ifcGlobalId } from '../ids';
import { mix } from '../../random';
import type { IndexedList } from '../indexedList';
import type { ObjectInstance } from '../models';
import { COLLECTION_CODES, computedList, idOf, storeyIdAt, type PhaseContext } from './context';
import { objectTypeAt, type ObjectTypeInfo } from './objectTypes';

export interface ObjectInstanceInfo extends ObjectInstance {
  readonly type: ObjectTypeInfo;
}

export function objectInstanceAt(ctx: PhaseContext, index: number, id = idOf(ctx, COLLECTION_CODES.objectInstances, index)): ObjectInstanceInfo {
  const typeIndex = mix(ctx.key, 30, index) % ctx.sizes.objectTypes;
  const type = objectTypeAt(ctx, typeIndex);
  // index * 3 + (0..2) keeps tags unique and irregular, like Revit element ids.
  const tag = String(300000 + index * 3 + (mix(ctx.key, 31, index) % 3));
  return {
    id,
    name: `${type.name}:${tag}`,
    ifcType: type.ifcType,
    globalId: ifcGlobalId(ctx.key, index),
    storeyId: storeyIdAt(ctx, index),
    objectTypeId: type.id,
    tag,
    type,
  };
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
