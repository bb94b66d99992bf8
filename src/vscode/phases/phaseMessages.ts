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
 * - `{ type: 'openDifference', index: number }` — a difference activated, by its place in the list the panel shows
 *   (keys may repeat: a model may hold one GlobalId twice);
 * - `{ type: 'export', format: 'csv' | 'ndjson' }`.
 */
export type ComparisonRequest =
  | { readonly type: 'openDifference'; readonly difference: ObjectDifference }
  | { readonly type: 'export'; readonly format: 'csv' | 'ndjson' };

export function comparisonRequest(message: unknown, shown: readonly ObjectDifference[]): ComparisonRequest | undefined {
  if (!isRecord(message)) return undefined;
  if (message.type === 'openDifference' && hasOnlyKeys(message, ['type', 'index']) && isIndexOf(message.index, shown)) {
    return { type: 'openDifference', difference: shown[message.index]! };
  }
  if (message.type === 'export' && hasOnlyKeys(message, ['type', 'format']) && (message.format === 'csv' || message.format === 'ndjson')) {
    return { type: 'export', format: message.format };
  }
  return undefined;
}

function isIndexOf(index: unknown, list: readonly unknown[]): index is number {
  return typeof index === 'number' && Number.isInteger(index) && index >= 0 && index < list.length;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

function hasOnlyKeys(value: Record<string, unknown>, keys: readonly string[]): boolean {
  return Object.keys(value).every(key => keys.includes(key));
}
