// Properties: first one per instance (its NL-SfB code, so properties are storey-linked like
// the instances), then three per object type from the type's IFC property set
// (Pset_WallCommon: FireRating, IsExternal, LoadBearing, ...).

import { mix, pick } from '../../random';
import type { IndexedList } from '../indexedList';
import type { Property } from '../models';
import { COLLECTION_CODES, computedList, type PhaseContext } from './context';
import { objectInstanceAt } from './objectInstances';
import { objectTypeAt } from './objectTypes';

export function propertyList(ctx: PhaseContext): IndexedList<Property> {
  const instances = ctx.sizes.objectInstances;
  const count = instances + 3 * ctx.sizes.objectTypes;
  return computedList(ctx, COLLECTION_CODES.properties, count, instances, (index, id): Property => {
    if (index < instances) {
      const instance = objectInstanceAt(ctx, index);
      return {
        id,
        objectTypeId: null,
        objectInstanceId: instance.id,
        propertySet: 'NLRS',
        name: 'NLRS_C_NL-SfB_code',
        value: instance.type.spec.nlsfb,
        dataType: 'IfcLabel',
        unit: null,
      };
    }
    const typeIndex = Math.floor((index - instances) / 3);
    const type = objectTypeAt(ctx, typeIndex);
    const spec = type.spec.properties[(index - instances) % 3]!;
    return {
      id,
      objectTypeId: type.id,
      objectInstanceId: null,
      propertySet: type.spec.propertySet,
      name: spec.name,
      value: pick(spec.values, mix(ctx.key, 40, index)),
      dataType: spec.dataType,
      unit: spec.unit,
    };
  });
}
