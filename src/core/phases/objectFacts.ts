// The few facts the phase overview and comparison read from an object instance, spelled any way the server spells
// them. A phase has 100,000 objects or more, so the key each fact was found under is remembered and tried first: the
// tolerant search (fieldNames.ts) runs only when an object is spelled differently from the one before.
import type { Entity } from '../api/dto';
import { fieldNames, findKey } from '../api/fieldNames';
import { toId, toText } from '../api/readJson';
import { IFC_CLASS_KEYS } from '../references/entityLabel';

export interface ObjectFacts {
  readonly id?: string;
  /** The IFC GlobalId: what stays the same when a model is exported again for the next phase. */
  readonly globalId?: string;
  readonly name: string;
  readonly ifcType?: string;
  readonly storeyId?: string;
  readonly objectTypeId?: string;
}

/** How an object without an IFC class is counted and listed. */
export const NO_IFC_CLASS = '(no IFC class)';

const spellings = {
  id: fieldNames.id,
  globalId: ['globalId', 'ifcGlobalId', 'ifcGuid', 'ifcId'],
  name: fieldNames.name,
  ifcType: IFC_CLASS_KEYS,
  storeyId: ['spatialStructureElementId', 'storeyId', 'buildingStoreyId', 'levelId', 'spatialElementId'],
  objectTypeId: ['objectTypeId', 'typeId', 'typeObjectId'],
} as const;

type Fact = keyof typeof spellings;

export class ObjectFactsReader {
  private readonly keys = new Map<Fact, string | undefined>();

  read(entity: Entity): ObjectFacts {
    const name = toText(this.value(entity, 'name')) ?? '';
    const facts: { -readonly [K in keyof ObjectFacts]: ObjectFacts[K] } = { name };
    const id = toId(this.value(entity, 'id'));
    if (id !== undefined) facts.id = id;
    const globalId = toText(this.value(entity, 'globalId'))?.trim();
    if (globalId) facts.globalId = globalId;
    const ifcType = toText(this.value(entity, 'ifcType'))?.trim();
    if (ifcType) facts.ifcType = ifcType;
    const storeyId = toId(this.value(entity, 'storeyId'));
    if (storeyId) facts.storeyId = storeyId;
    const objectTypeId = toId(this.value(entity, 'objectTypeId'));
    if (objectTypeId) facts.objectTypeId = objectTypeId;
    return facts;
  }

  private value(entity: Entity, fact: Fact): unknown {
    const known = this.keys.get(fact);
    if (known !== undefined && Object.prototype.hasOwnProperty.call(entity, known)) return entity[known];
    const key = findKey(entity, spellings[fact]);
    if (key !== undefined) this.keys.set(fact, key);
    return key === undefined ? undefined : entity[key];
  }
}
