// What an entity is called and what kind it is, spelled any way the server spells it: for hovers, usages and lists.
import type { Entity } from '../api/dto';
import { fieldNames, readField, spatialTypeOf } from '../api/fieldNames';
import { toText } from '../api/readJson';

/** The IFC class first (shown as sent), then a kind (read as a spatial type: `3` and `IfcBuildingStorey` read `Storey`). */
export const IFC_CLASS_KEYS = ['ifcType', 'ifcClass', 'ifcEntity', 'ifcEntityType'] as const;

/** The entity's name, display name or title; '' when it has none. */
export function labelOf(entity: Entity): string {
  const field = readField(entity, fieldNames.name);
  return (field && toText(field.value)) ?? '';
}

/** The entity's IFC class, else its kind; undefined when it has neither. */
export function kindOf(entity: Entity): string | undefined {
  const ifc = readField(entity, IFC_CLASS_KEYS);
  const ifcText = ifc && toText(ifc.value);
  if (ifcText) return ifcText;
  const type = readField(entity, fieldNames.spatialElement.type);
  return type && toText(type.value) ? spatialTypeOf(type.value) : undefined;
}
