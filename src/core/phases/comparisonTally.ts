// The counts of a comparison as its differences come: by kind, by what changed, per IFC class and per storey.
import { NO_IFC_CLASS } from './objectFacts';
import type { ChangedField, ComparisonSummary, DifferenceCounts, ObjectDifference } from './phaseComparison';

/** The label of objects on no storey, in the per-storey counts. */
export const NO_STOREY = '(no storey)';

export class ComparisonTally {
  private readonly totals: DifferenceCounts = { added: 0, removed: 0, changed: 0 };
  private readonly byField: Record<ChangedField, number> = { name: 0, type: 0, ifcType: 0, storey: 0 };
  private readonly notCompared: Record<'type' | 'storey', number> = { type: 0, storey: 0 };
  private readonly byIfcType = new Map<string, DifferenceCounts>();
  private readonly byStorey = new Map<string, DifferenceCounts>();
  unchanged = 0;

  count(difference: ObjectDifference): void {
    const state = difference.after ?? difference.before!;
    this.totals[difference.kind]++;
    for (const field of difference.fields) this.byField[field]++;
    bump(this.byIfcType, state.ifcType ?? NO_IFC_CLASS, difference.kind);
    bump(this.byStorey, state.storey ?? NO_STOREY, difference.kind);
  }

  /** A matched object whose type or storey one phase could not name, so it could not be compared. */
  uncompared(field: 'type' | 'storey'): void {
    this.notCompared[field]++;
  }

  summary(before: number, after: number): ComparisonSummary {
    const rows = <K extends string>(map: Map<string, DifferenceCounts>, name: K) => [...map]
      .map(([label, counts]) => ({ [name]: label, ...counts }) as { [P in K]: string } & DifferenceCounts)
      .sort((a, b) => sum(b) - sum(a) || (a[name] < b[name] ? -1 : 1));
    return { before, after, ...this.totals, unchanged: this.unchanged, byField: { ...this.byField }, notCompared: { ...this.notCompared },
      byIfcType: rows(this.byIfcType, 'ifcType'), byStorey: rows(this.byStorey, 'storey') };
  }
}

const sum = (c: DifferenceCounts): number => c.added + c.removed + c.changed;

function bump(map: Map<string, DifferenceCounts>, label: string, kind: ObjectDifference['kind']): void {
  const counts = map.get(label) ?? map.set(label, { added: 0, removed: 0, changed: 0 }).get(label)!;
  counts[kind]++;
}
