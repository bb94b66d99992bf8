// Object types ("Basiswand:Binnenwand kalkzandsteen 100 mm"): each has an IFC class, picked
// with weights so walls are the most common, and one or two materials.

import { mix, pick, pickWeighted } from '../../random';
import type { IndexedList } from '../indexedList';
import type { ObjectType } from '../models';
import { IFC_CLASSES, MATERIALS, type IfcClassSpec } from '../vocabulary';
import { COLLECTION_CODES, computedList, idOf, type PhaseContext } from './context';

export interface ObjectTypeInfo extends ObjectType {
  readonly spec: IfcClassSpec;
  /** Type name without the family. */
  readonly typeName: string;
}

// Computed in index order, once each, so a type's name can count the earlier types of the same
// name: "… v2", "… v3" keep names unique within a phase (phases are compared by type name).
export function objectTypeAt(ctx: PhaseContext, index: number): ObjectTypeInfo {
  while (ctx.typeCache.length <= index) ctx.typeCache.push(computeObjectType(ctx, ctx.typeCache.length));
  return ctx.typeCache[index] as ObjectTypeInfo;
}

// Content comes from the PROJECT key, so type #n is the same type in every phase of a project;
// only its id is the phase's own.
function computeObjectType(ctx: PhaseContext, index: number): ObjectTypeInfo {
  const id = idOf(ctx, COLLECTION_CODES.objectTypes, index);
  const key = ctx.history.projectKey;
  const spec = pickWeighted(IFC_CLASSES, mix(key, 20, index));
  const base = pick(spec.typeNames, mix(key, 21, index));
  const earlier = ctx.typeNameUses.get(base) ?? 0;
  ctx.typeNameUses.set(base, earlier + 1);
  const typeName = earlier === 0 ? base : `${base} v${earlier + 1}`;
  const first = pick(spec.materials, mix(key, 22, index));
  const second = pick(spec.materials, mix(key, 23, index));
  const materialNames = first === second ? [first] : [first, second];
  return {
    id,
    name: `${spec.family}:${typeName}`,
    ifcType: spec.ifcType,
    predefinedType: pick(spec.predefinedTypes, mix(key, 24, index)),
    materialIds: materialNames.map((name) => idOf(ctx, COLLECTION_CODES.materials, MATERIALS.findIndex((m) => m.name === name))),
    spec,
    typeName,
  };
}

export function objectTypeList(ctx: PhaseContext): IndexedList<ObjectType> {
  return computedList(ctx, COLLECTION_CODES.objectTypes, ctx.sizes.objectTypes, 0, (i) => withoutExtras(objectTypeAt(ctx, i)));
}

function withoutExtras({ spec: _spec, typeName: _typeName, ...type }: ObjectTypeInfo): ObjectType {
  return type;
}
