// The overview's objects per storey as CSV (RFC 4180, CRLF): one row per bar in the panel's order, a column for
// every IFC class of the phase (largest first, none grouped), for a spreadsheet.
import { csvCell, csvRecord } from '../../core/export/csv';
import type { PhaseOverview } from '../../core/phases/phaseOverview';

export function overviewCsv(overview: PhaseOverview): string {
  const classes = overview.objects.byIfcType.map(t => t.ifcType);
  const lines = [csvRecord(['Storey', 'Parents', 'Elevation (m)', ...classes, 'Total'])];
  for (const bar of overview.bars) {
    const counts = new Map(bar.byIfcType.map(t => [t.ifcType, t.count]));
    lines.push(csvRecord([bar.name, bar.parents.join(' › '), csvCell(bar.elevation),
      ...classes.map(ifc => csvCell(counts.get(ifc) ?? 0)), csvCell(bar.total)]));
  }
  return lines.join('');
}
