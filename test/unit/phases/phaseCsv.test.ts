// The overview's table as CSV, and a difference as the flat row Export as CSV / NDJSON writes: exact text.
import { describe, expect, it } from 'vitest';
import type { ObjectDifference } from '../../../src/core/phases/phaseComparison';
import { comparisonFileName, differencesCounted, flatDifference } from '../../../src/vscode/phases/comparisonExport';
import { overviewCsv } from '../../../src/vscode/phases/overviewCsv';
import { added, changed, overview } from './support/handMadePhases';

describe('Copy as CSV', () => {
  it('writes a row per bar, a column per IFC class of the phase (largest first, none grouped), RFC 4180 quoting and CRLF', () => {
    expect(overviewCsv(overview)).toBe([
      'Storey,Parents,Elevation (m),IfcWall,IfcDoor,IfcSlab,Total\r\n',
      '"01 Verdieping, ""oost""",Plot › Gebouw B,3.5,2,0,1,3\r\n',
      '00 Begane grond,Plot › Gebouw B,0,1,1,0,2\r\n',
      'No storey,,,0,1,0,1\r\n',
    ].join(''));
  });
});

describe('a difference as a flat row', () => {
  it('has every column, in order, null where a phase has no value', () => {
    expect(flatDifference(changed)).toEqual({
      kind: 'changed', globalId: '2O2Fr$t4X7Zf8NOew3FLOH', matchedBy: 'globalId', changed: 'name;storey',
      beforeId: 'b-1', beforeName: 'Wand, 1', beforeIfcType: 'IfcWall', beforeType: 'Basic Wall', beforeStorey: 'Gebouw B › 00',
      afterId: 'a-1', afterName: 'Wand "1"', afterIfcType: 'IfcWall', afterType: 'Basic Wall', afterStorey: 'Gebouw B › 01',
    });
    const row = flatDifference(added);
    expect(Object.keys(row)).toEqual(Object.keys(flatDifference(changed)));
    expect(row).toMatchObject({ kind: 'added', globalId: null, matchedBy: 'id', changed: '', beforeId: null, beforeName: null, afterId: 'a-9', afterName: 'Deur', afterIfcType: null });
  });

  it('writes nothing of a type or storey a phase could not name but the id it was given', () => {
    const unnamed: ObjectDifference = { ...changed, before: { ...changed.before!, type: 't-7', typeUnnamed: true, storey: 's-3', storeyUnnamed: true } };
    const row = flatDifference(unnamed);
    expect(Object.keys(row)).toEqual(Object.keys(flatDifference(changed)));
    expect(row).toMatchObject({ beforeType: 't-7', beforeStorey: 's-3' });
    expect(JSON.stringify(row)).not.toMatch(/Unnamed|true/);
  });

  it('counts the differences written in the singular or plural', () => {
    expect([0, 1, 2, 12345].map(differencesCounted)).toEqual(['0 differences', '1 difference', '2 differences', '12,345 differences']);
  });

  it('names the file by the phases\' codes', () => {
    const phase = (code: string | undefined, name: string) => ({ scope: { domainAccountId: 'd', projectPhaseId: name }, phase: { id: name, name, code } });
    expect(comparisonFileName(phase('VO', 'Voorlopig'), phase('DO', 'Definitief'), 'csv')).toBe('compare-VO-DO.csv');
    expect(comparisonFileName(phase(undefined, 'Fase 1/a'), phase('DO', 'x'), 'ndjson')).toBe('compare-Fase_1_a-DO.ndjson');
  });
});
