import * as vscode from 'vscode';
import type { EntitySource } from '../../core/model/commandArguments';
import { showInformationMessage } from '../feedback/messages';
import type { ExportFormat } from '../documents/exportFile';
import { exportPathOf, exportWithProgress } from '../documents/exportWithProgress';
import { failsAs } from './commandError';
import type { EntityCommandDependencies } from './entityCommands';

/**
 * Export Entities, once the source and collection are known: to the target given, when that may be written without
 * asking, else to the file the save dialog returns. Resolves with the number of entities written.
 */
export async function exportEntities(deps: EntityCommandDependencies, source: EntitySource, collection: string, given: vscode.Uri | undefined): Promise<number | undefined> {
  const file = given && await isNewExportFile(given) ? given : await vscode.window.showSaveDialog({
    title: `Export ${collection}${source.storey ? ` of ${source.storey.name}` : ''}`,
    saveLabel: 'Export',
    defaultUri: given ?? defaultExportUri(`${collection}${source.storey ? `-${source.storey.name}` : ''}.ndjson`),
    filters: { 'JSON Lines (one entity per line)': ['ndjson', 'jsonl'], JSON: ['json'], 'CSV (one row per entity)': ['csv'] },
  });
  return file && exportCollection(deps, source, collection, file);
}

/**
 * Whether an export may write a given file without the save dialog: only an export file (.ndjson, .jsonl, .json,
 * .csv) that does not exist yet. An existing file is only ever replaced through the save dialog, whose own
 * confirmation asks first (the dialog opens with the file as its suggestion).
 */
async function isNewExportFile(uri: vscode.Uri): Promise<boolean> {
  return /\.(ndjson|jsonl|json|csv)$/i.test(uri.path) && !await vscode.workspace.fs.stat(uri).then(() => true, () => false);
}

/** Streams every page of a collection into a file, with progress (count of total) and cancellation. */
async function exportCollection(deps: EntityCommandDependencies, source: EntitySource, collection: string, target: vscode.Uri): Promise<number> {
  const path = exportPathOf(target);
  const label = `${collection}${source.storey ? ` of ${source.storey.name}` : ''}`;
  const count = await failsAs(() => exportWithProgress(path, exportFormatOf(path), `Exporting ${label}`, async (file, report, signal) => {
    const limit = await deps.documents.maxLimitFor(collection); // fewest requests: the server's largest page
    let written = 0;
    const pages = deps.documents.client().entityPages(
      { domainAccountId: source.domainAccountId, projectPhaseId: source.projectPhaseId, collection, storeyId: source.storey?.id },
      { limit, signal });
    for await (const page of pages) {
      if (signal.aborted) throw new vscode.CancellationError();
      await file.add(page.items);
      written += page.items.length;
      report(written, page.total, count => `${count} entities`);
    }
  }), reason => `Exporting ${label} failed: ${reason} Nothing was written to ${target.fsPath}.`, {
    again: () => exportCollection(deps, source, collection, target),
    chooseCollection: () => vscode.commands.executeCommand('bimlink.exportEntities', source),
  });
  deps.log.info(`Exported ${count} ${label} entities to ${target.fsPath}.`);
  void showInformationMessage(`Exported ${count.toLocaleString('en')} entities (${label}) to ${target.fsPath}.`, 'Open')
    .then(choice => { if (choice) void vscode.commands.executeCommand('vscode.open', target); });
  return count;
}

/** The format the chosen file's extension names; JSON Lines for any other, as the dialog suggests. */
function exportFormatOf(file: string): ExportFormat {
  if (/\.csv$/i.test(file)) return 'csv';
  return /\.json$/i.test(file) ? 'json' : 'ndjson';
}

function defaultExportUri(name: string): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder && vscode.Uri.joinPath(folder, name.replace(/[/\\:*?"<>|]/g, '_'));
}
