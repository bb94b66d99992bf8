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

export function objectTypeAt(ctx: PhaseContext, index: number): ObjectTypeInfo {
  let type = ctx.typeCache[index] as ObjectTypeInfo | undefined;
  if (!type) {
    type = computeObjectType(ctx, index);
    ctx.typeCache[index] = type;
  }
  return type;
}

function computeObjectType(ctx: PhaseContext, index: number): ObjectTypeInfo {
  const id = idOf(ctx, COLLECTION_CODES.objectTypes, index);
  const spec = pickWeighted(IFC_CLASSES, mix(ctx.key, 20, index));
  const base = pick(spec.typeNames, mix(ctx.key, 21, index));
  const variant = Math.floor(index / 24);
  const typeName = variant === 0 ? base : `${base} v${variant + 1}`;
  const first = pick(spec.materials, mix(ctx.key, 22, index));
  const second = pick(spec.materials, mix(ctx.key, 23, index));
  const materialNames = first === second ? [first] : [first, second];
  return {
    id,
    name: `${spec.family}:${typeName}`,
    ifcType: spec.ifcType,
    predefinedType: pick(spec.predefinedTypes, mix(ctx.key, 24, index)),
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
