// The messages the phase panels' pages post, read as untrusted input: each in its exact shape, naming only a storey,
// IFC class or difference that the panel shows. Anything else is ignored (undefined).
import type { ObjectDifference } from '../../core/phases/phaseComparison';
import type { BarSegment, PhaseOverview, StoreyBar } from '../../core/phases/phaseOverview';

/**
 * From the overview's page:
 * - `{ type: 'openStorey', storeyId: string | null }` — a bar activated (null: the bar of objects on no storey);
 * - `{ type: 'openSegment', storeyId: string | null, segment: string }` — a segment activated, named by its label
 *   (the IFC class, or the grouped classes' "Other (n classes)");
 * - `{ type: 'copyCsv' }`.
 */
export type OverviewRequest =
  | { readonly type: 'openStorey'; readonly bar: StoreyBar }
  | { readonly type: 'openSegment'; readonly bar: StoreyBar; readonly segment: BarSegment }
  | { readonly type: 'copyCsv' };

export function overviewRequest(message: unknown, overview: PhaseOverview): OverviewRequest | undefined {
  if (!isRecord(message)) return undefined;
  switch (message.type) {
    case 'copyCsv':
      return hasOnlyKeys(message, ['type']) ? { type: 'copyCsv' } : undefined;
    case 'openStorey': {
      const bar = hasOnlyKeys(message, ['type', 'storeyId']) ? barOf(message.storeyId, overview) : undefined;
      return bar && { type: 'openStorey', bar };
    }
    case 'openSegment': {
      const bar = hasOnlyKeys(message, ['type', 'storeyId', 'segment']) ? barOf(message.storeyId, overview) : undefined;
      const segment = bar && typeof message.segment === 'string' ? bar.segments.find(s => s.label === message.segment) : undefined;
      return bar && segment && { type: 'openSegment', bar, segment };
    }
    default:
      return undefined;
  }
}

function barOf(storeyId: unknown, overview: PhaseOverview): StoreyBar | undefined {
  if (storeyId === null) return overview.bars.find(b => b.storeyId === undefined);
  return typeof storeyId === 'string' ? overview.bars.find(b => b.storeyId === storeyId) : undefined;
}

/**
 * From the comparison's page:
 * - `{ type: 'openDifference', key: string }` — a difference activated, by its key (GlobalId or id) as shown;
 * - `{ type: 'export', format: 'csv' | 'ndjson' }`.
 */
export type ComparisonRequest =
  | { readonly type: 'openDifference'; readonly difference: ObjectDifference }
  | { readonly type: 'export'; readonly format: 'csv' | 'ndjson' };

export function comparisonRequest(message: unknown, shown: ReadonlyMap<string, ObjectDifference>): ComparisonRequest | undefined {
  if (!isRecord(message)) return undefined;
  if (message.type === 'openDifference' && hasOnlyKeys(message, ['type', 'key']) && typeof message.key === 'string') {
    const difference = shown.get(message.key);
    return difference && { type: 'openDifference', difference };
  }
  if (message.type === 'export' && hasOnlyKeys(message, ['type', 'format']) && (message.format === 'csv' || message.format === 'ndjson')) {
    return { type: 'export', format: message.format };
  }
  return undefined;
}

/** The differences a panel shows, by key (the first of a key, should two share one). */
export function differencesByKey(differences: readonly ObjectDifference[]): Map<string, ObjectDifference> {
  const byKey = new Map<string, ObjectDifference>();
  for (const difference of differences) if (!byKey.has(difference.key)) byKey.set(difference.key, difference);
  return byKey;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

function hasOnlyKeys(value: Record<string, unknown>, keys: readonly string[]): boolean {
  return Object.keys(value).every(key => keys.includes(key));
}
