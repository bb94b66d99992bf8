// Export as CSV / NDJSON of a comparison: the two phases compared again, every difference streamed as a flat row
// into an ExportFile (written beside the target and moved into place only when complete), with a cancellable
// progress notification. The comparison is not held: rows go to the file a page at a time.
import * as vscode from 'vscode';
import { comparePhases, type ObjectDifference } from '../../core/phases/phaseComparison';
import { failsAs } from '../commands/commandError';
import { exportPathOf, exportWithProgress } from '../documents/exportWithProgress';
import { showInformationMessage } from '../feedback/messages';
import { counted, type PhaseCommandDependencies } from './phaseDependencies';
import type { ListedPhase } from './phaseChoice';
import { keyOf } from './phaseResults';

/**
 * A difference as one row; every key is always there (null when a phase has no value), so the CSV's columns are fixed.
 * Only what the user can check against the phases is written: not whether a phase could name a type or storey.
 */
export interface FlatDifference {
  readonly kind: ObjectDifference['kind'];
  /** The GlobalId as sent; null for an object matched by its id (it has none). */
  readonly globalId: string | null;
  readonly matchedBy: ObjectDifference['matchedBy'];
  /** The fields that changed, `;` between them (`name;storey`); empty for added and removed objects. */
  readonly changed: string;
  readonly beforeId: string | null;
  readonly beforeName: string | null;
  readonly beforeIfcType: string | null;
  readonly beforeType: string | null;
  readonly beforeStorey: string | null;
  readonly afterId: string | null;
  readonly afterName: string | null;
  readonly afterIfcType: string | null;
  readonly afterType: string | null;
  readonly afterStorey: string | null;
}

export function flatDifference(d: ObjectDifference): FlatDifference {
  const { before: b, after: a } = d;
  return {
    kind: d.kind, globalId: d.matchedBy === 'globalId' ? d.key : null, matchedBy: d.matchedBy, changed: d.fields.join(';'),
    beforeId: b?.id ?? null, beforeName: b ? b.name : null, beforeIfcType: b?.ifcType ?? null, beforeType: b?.type ?? null, beforeStorey: b?.storey ?? null,
    afterId: a?.id ?? null, afterName: a ? a.name : null, afterIfcType: a?.ifcType ?? null, afterType: a?.type ?? null, afterStorey: a?.storey ?? null,
  };
}

/** The default file name: `compare-<before code>-<after code>.csv` (names where a phase has no code). */
export function comparisonFileName(before: ListedPhase, after: ListedPhase, format: 'csv' | 'ndjson'): string {
  const part = (p: ListedPhase) => (p.phase.code || p.phase.name).replace(/[/\\:*?"<>|\s]+/g, '_');
  return `compare-${part(before)}-${part(after)}.${format}`;
}

/** The pairs of phases being exported: a second Export of the same comparison is refused while one runs. */
const exporting = new Set<string>();

/** Asks where to, then writes the file; resolves with the number of differences written (undefined when not exported). */
export async function exportComparison(deps: Pick<PhaseCommandDependencies, 'documents' | 'log'>, before: ListedPhase, after: ListedPhase, format: 'csv' | 'ndjson'): Promise<number | undefined> {
  const key = keyOf('comparison', [before.scope, after.scope]);
  if (exporting.has(key)) {
    void showInformationMessage(`The comparison ${before.phase.name} → ${after.phase.name} is already being exported.`);
    return undefined;
  }
  exporting.add(key);
  try {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const name = comparisonFileName(before, after, format);
    const target = await vscode.window.showSaveDialog({
      title: `Export the comparison of ${before.phase.name} and ${after.phase.name}`,
      saveLabel: 'Export',
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, name) } : {}),
      filters: format === 'csv' ? { CSV: ['csv'] } : { 'JSON Lines (one difference per line)': ['ndjson', 'jsonl'] },
    });
    return target && await writeComparison(deps, before, after, format, target);
  } finally {
    exporting.delete(key);
  }
}

export async function writeComparison(deps: Pick<PhaseCommandDependencies, 'documents' | 'log'>, before: ListedPhase, after: ListedPhase,
  format: 'csv' | 'ndjson', target: vscode.Uri): Promise<number> {
  const path = exportPathOf(target);
  const label = `${before.phase.name} → ${after.phase.name}`;
  const count = await failsAs(() => exportWithProgress(path, format, `Exporting the comparison ${label}`, async (file, report, signal) => {
    let pending: ObjectDifference[] = []; // flattened only when written: a flat row is larger than the difference
    const write = async () => {
      const batch = pending;
      pending = [];
      if (batch.length) await file.add(batch.map(flatDifference));
    };
    await comparePhases(deps.documents.client(), before.scope, after.scope, {
      signal,
      onDifference: d => void pending.push(d),
      pace: write, // the next page is read only once the rows found so far are on disk: a slow disk slows the reading
      onProgress: (read, total) => report(read, total, count => `${count} objects read`),
    });
    await write();
  }), reason => `Exporting the comparison ${label} failed: ${reason} Nothing was written to ${target.fsPath}.`, {
    again: () => writeComparison(deps, before, after, format, target),
  });
  deps.log.info(`Exported ${differencesCounted(count)} (${label}) to ${target.fsPath}.`);
  void showInformationMessage(`Exported ${differencesCounted(count)} (${label}) to ${target.fsPath}.`, 'Open')
    .then(choice => { if (choice) void vscode.commands.executeCommand('vscode.open', target); });
  return count;
}

/** "1 difference", "2,500 differences". */
export const differencesCounted = (n: number): string => `${counted(n)} ${n === 1 ? 'difference' : 'differences'}`;
