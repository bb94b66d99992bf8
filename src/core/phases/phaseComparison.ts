// Two phases compared object by object. Objects are matched by IFC GlobalId (by id when they have none); an object
// in both phases is changed when its name, object type, IFC class or storey differs. Types and storeys are compared
// by name, as each phase may give them ids of its own. The earlier phase is held as one small record per object;
// the later one is streamed past it, and every difference is handed to the caller as it is found.
import type { BimlinkClient, PhaseScope } from '../api/client';
import { idKey } from '../api/ids';
import { collectionPages } from '../references/collectionPages';
import { ObjectFactsReader, type ObjectFacts } from './objectFacts';
import { OBJECTS } from './phaseOverview';
import { PhasePlaces } from './phasePlaces';
import { typeNames } from './typeNames';

export const CHANGED_FIELDS = ['name', 'type', 'ifcType', 'storey'] as const;
export type ChangedField = typeof CHANGED_FIELDS[number];

/** An object as one phase has it, with its type and storey named. */
export interface ObjectState {
  readonly id?: string;
  readonly name: string;
  readonly ifcType?: string;
  /** The object type's name (its id when the phase's types could not be read). */
  readonly type?: string;
  /** The storey's path from the top, ' › ' between names (its id when the structure does not hold it). */
  readonly storey?: string;
}

export interface ObjectDifference {
  readonly kind: 'added' | 'removed' | 'changed';
  /** The GlobalId, or the id when the object has none. */
  readonly key: string;
  readonly matchedBy: 'globalId' | 'id';
  readonly before?: ObjectState;
  readonly after?: ObjectState;
  /** What changed; empty for added and removed objects. */
  readonly fields: readonly ChangedField[];
}

export interface DifferenceCounts { added: number; removed: number; changed: number }

export interface ComparisonSummary {
  readonly before: number;
  readonly after: number;
  readonly added: number;
  readonly removed: number;
  readonly changed: number;
  readonly unchanged: number;
  readonly byField: Readonly<Record<ChangedField, number>>;
  /** By the IFC class (the later phase's for a changed object), most differences first. */
  readonly byIfcType: readonly ({ readonly ifcType: string } & DifferenceCounts)[];
  /** By storey (the later phase's for a changed object), most differences first. */
  readonly byStorey: readonly ({ readonly storey: string } & DifferenceCounts)[];
}

export interface CompareOptions {
  readonly signal?: AbortSignal;
  readonly onDifference?: (difference: ObjectDifference) => void;
  /** Objects read so far of both phases, of both totals when the server says them. */
  readonly onProgress?: (read: number, total: number | undefined) => void;
}

/** Labels of objects without a class or storey, in the per-class and per-storey counts. */
export const NO_IFC_CLASS = '(no IFC class)';
export const NO_STOREY = '(no storey)';

export async function comparePhases(client: BimlinkClient, before: PhaseScope, after: PhaseScope, options: CompareOptions = {}): Promise<ComparisonSummary> {
  const { signal } = options;
  const [placesBefore, placesAfter, typesBefore, typesAfter] = await Promise.all([
    PhasePlaces.of(client, before, signal), PhasePlaces.of(client, after, signal), typeNames(client, before, signal), typeNames(client, after, signal),
  ]);
  const stateIn = (places: PhasePlaces, types: Map<string, string> | undefined) => (facts: ObjectFacts): ObjectState => ({
    ...(facts.id !== undefined ? { id: facts.id } : {}),
    name: facts.name,
    ...(facts.ifcType !== undefined ? { ifcType: facts.ifcType } : {}),
    ...(facts.objectTypeId !== undefined ? { type: types?.get(idKey(facts.objectTypeId)) ?? facts.objectTypeId } : {}),
    ...(facts.storeyId !== undefined ? { storey: places.get(facts.storeyId)?.label ?? facts.storeyId } : {}),
  });
  const tally = new Tally();
  const progress = new ReadProgress(options.onProgress);
  const report = (difference: ObjectDifference) => {
    tally.count(difference);
    options.onDifference?.(difference);
  };

  const held = new Map<string, ObjectState>();
  const beforeKeys = new MatchKeys();
  const stateBefore = stateIn(placesBefore, typesBefore);
  for await (const page of collectionPages(client, before, OBJECTS, signal)) {
    for (const entity of page.items) {
      const facts = beforeKeys.reader.read(entity);
      held.set(beforeKeys.of(facts), stateBefore(facts));
    }
    progress.read(0, page.items.length, page.total);
  }
  const afterKeys = new MatchKeys();
  const stateAfter = stateIn(placesAfter, typesAfter);
  let unchanged = 0;
  for await (const page of collectionPages(client, after, OBJECTS, signal)) {
    for (const entity of page.items) {
      const facts = afterKeys.reader.read(entity);
      const key = afterKeys.of(facts);
      const now = stateAfter(facts);
      const was = held.get(key);
      const matchedBy = facts.globalId ? 'globalId' : 'id';
      if (!was) {
        report({ kind: 'added', key: displayKey(key), matchedBy, after: now, fields: [] });
        continue;
      }
      held.delete(key);
      const fields = CHANGED_FIELDS.filter(field => was[field] !== now[field]);
      if (fields.length) report({ kind: 'changed', key: displayKey(key), matchedBy, before: was, after: now, fields });
      else unchanged++;
    }
    progress.read(1, page.items.length, page.total);
  }
  for (const [key, was] of held) report({ kind: 'removed', key: displayKey(key), matchedBy: key.startsWith(ID_PREFIX) ? 'id' : 'globalId', before: was, fields: [] });
  return tally.summary(progress.counts, unchanged);
}

const ID_PREFIX = 'id:';
const DUPLICATE = '\u0000';

/** The key an object is matched by: its GlobalId, else its id; a repeated one gets a number, so no object is lost. */
class MatchKeys {
  readonly reader = new ObjectFactsReader();
  private readonly seen = new Map<string, number>();

  of(facts: ObjectFacts): string {
    const key = facts.globalId ?? `${ID_PREFIX}${idKey(facts.id ?? '')}`;
    const times = this.seen.get(key);
    if (times === undefined) { // the common case: only repeats are remembered, so memory stays one entry per object
      this.seen.set(key, 1);
      return key;
    }
    this.seen.set(key, times + 1);
    return `${key}${DUPLICATE}${times + 1}`;
  }
}

function displayKey(key: string): string {
  const plain = key.startsWith(ID_PREFIX) ? key.slice(ID_PREFIX.length) : key;
  const at = plain.indexOf(DUPLICATE);
  return at < 0 ? plain : `${plain.slice(0, at)} (#${plain.slice(at + 1)})`;
}

class ReadProgress {
  private readonly reads = [0, 0];
  private readonly totals: (number | undefined)[] = [undefined, undefined];

  constructor(private readonly report: CompareOptions['onProgress']) {}

  get counts(): [number, number] { return [this.reads[0]!, this.reads[1]!]; }

  read(phase: 0 | 1, items: number, total: number | undefined): void {
    this.reads[phase]! += items;
    if (total !== undefined) this.totals[phase] = total;
    const [a, b] = this.totals;
    this.report?.(this.reads[0]! + this.reads[1]!, a !== undefined && b !== undefined ? a + b : undefined);
  }
}

class Tally {
  private readonly totals: DifferenceCounts = { added: 0, removed: 0, changed: 0 };
  private readonly byField: Record<ChangedField, number> = { name: 0, type: 0, ifcType: 0, storey: 0 };
  private readonly byIfcType = new Map<string, DifferenceCounts>();
  private readonly byStorey = new Map<string, DifferenceCounts>();

  count(difference: ObjectDifference): void {
    const state = difference.after ?? difference.before!;
    this.totals[difference.kind]++;
    for (const field of difference.fields) this.byField[field]++;
    bump(this.byIfcType, state.ifcType ?? NO_IFC_CLASS, difference.kind);
    bump(this.byStorey, state.storey ?? NO_STOREY, difference.kind);
  }

  summary([before, after]: [number, number], unchanged: number): ComparisonSummary {
    const rows = <K extends string>(map: Map<string, DifferenceCounts>, name: K) => [...map]
      .map(([label, counts]) => ({ [name]: label, ...counts }) as { [P in K]: string } & DifferenceCounts)
      .sort((a, b) => sum(b) - sum(a) || (a[name] < b[name] ? -1 : 1));
    return { before, after, ...this.totals, unchanged, byField: { ...this.byField },
      byIfcType: rows(this.byIfcType, 'ifcType'), byStorey: rows(this.byStorey, 'storey') };
  }
}

const sum = (c: DifferenceCounts): number => c.added + c.removed + c.changed;

function bump(map: Map<string, DifferenceCounts>, label: string, kind: ObjectDifference['kind']): void {
  const counts = map.get(label) ?? map.set(label, { added: 0, removed: 0, changed: 0 }).get(label)!;
  counts[kind]++;
}
