// What the phase panels' pages post is untrusted: only the exact shapes, naming a storey, IFC class or difference the
// panel shows, are acted on.
import { describe, expect, it } from 'vitest';
import { comparisonRequest, overviewRequest } from '../../../src/vscode/phases/phaseMessages';
import { added, changed, overview } from './support/handMadePhases';

describe('the overview\'s messages', () => {
  it('open a storey, a segment of a bar, or copy the table', () => {
    expect(overviewRequest({ type: 'openStorey', storeyId: 's0' }, overview)).toEqual({ type: 'openStorey', bar: overview.bars[1] });
    expect(overviewRequest({ type: 'openStorey', storeyId: null }, overview)).toEqual({ type: 'openStorey', bar: overview.bars[2] });
    expect(overviewRequest({ type: 'openSegment', storeyId: 's1', segment: 'Other (1 class)' }, overview))
      .toEqual({ type: 'openSegment', bar: overview.bars[0], segment: overview.bars[0]!.segments[1] });
    expect(overviewRequest({ type: 'copyCsv' }, overview)).toEqual({ type: 'copyCsv' });
  });

  it('are ignored when they name a storey, class or segment the overview does not show, or are not in their shape', () => {
    for (const forged of [
      { type: 'openStorey', storeyId: 's9' },
      { type: 'openStorey', storeyId: 'S0' },
      { type: 'openStorey' },
      { type: 'openStorey', storeyId: { id: 's0' } },
      { type: 'openSegment', storeyId: 's0', segment: 'IfcSlab' }, // a class of the phase, but not of this bar
      { type: 'openSegment', storeyId: 's0', segment: 'IfcWindow' },
      { type: 'openSegment', storeyId: 's0', segment: ['IfcWall'] },
      { type: 'openSegment', storeyId: 's0', segment: 'IfcWall', ifcTypes: ['IfcSlab'] }, // classes are the overview's, never the page's
      { type: 'copyCsv', text: 'a,b' },
      { type: 'runCommand', command: 'workbench.action.terminal.new' },
      'copyCsv', null, [{ type: 'copyCsv' }], Object.assign(Object.create({ type: 'copyCsv' }), {}),
    ]) expect(overviewRequest(forged, overview), JSON.stringify(forged)).toBeUndefined();
  });
});

describe('the comparison\'s messages', () => {
  const twin = { ...changed, before: { ...changed.before!, id: 'b-2' }, after: { ...changed.after!, id: 'a-2' } }; // the same GlobalId
  const shown = [changed, added, twin];

  it('open a difference shown, by its place in the list (keys may repeat), or export', () => {
    expect(comparisonRequest({ type: 'openDifference', index: 0 }, shown)).toEqual({ type: 'openDifference', difference: changed });
    expect(comparisonRequest({ type: 'openDifference', index: 2 }, shown)).toEqual({ type: 'openDifference', difference: twin });
    expect(comparisonRequest({ type: 'export', format: 'csv' }, shown)).toEqual({ type: 'export', format: 'csv' });
    expect(comparisonRequest({ type: 'export', format: 'ndjson' }, shown)).toEqual({ type: 'export', format: 'ndjson' });
  });

  it('are ignored when they name a difference not shown or another format', () => {
    for (const forged of [
      { type: 'openDifference', index: 3 },
      { type: 'openDifference', index: -1 },
      { type: 'openDifference', index: 0.5 },
      { type: 'openDifference', index: '0' },
      { type: 'openDifference', index: Number.NaN },
      { type: 'openDifference', index: Number.POSITIVE_INFINITY },
      { type: 'openDifference', index: 0, before: { id: 'x' } },
      { type: 'openDifference', key: changed.key },
      { type: 'openDifference' },
      { type: 'export', format: 'json' },
      { type: 'export', format: 'csv', target: '/etc/passwd' },
    ]) expect(comparisonRequest(forged, shown), JSON.stringify(forged)).toBeUndefined();
    expect(comparisonRequest({ type: 'openDifference', index: 0 }, [])).toBeUndefined();
  });
});
