import * as vscode from 'vscode';
import type { EntitySource } from '../../core/model/commandArguments';
import { literalText } from '../../core/text/untrustedText';
import { showInformationMessage } from '../feedback/messages';
import { ExportFile, type ExportFormat } from '../documents/exportFile';
import { CommandError, failsAs } from './commandError';
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
  if (target.scheme !== 'file') throw new CommandError('BIMlink can export only to a file on the computer VS Code runs its extensions on.');
  const format = exportFormatOf(target.fsPath);
  const label = `${collection}${source.storey ? ` of ${source.storey.name}` : ''}`;
  const count = await failsAs(() => vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: literalText(`Exporting ${label}`), cancellable: true },
    async (progress, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      const file = new ExportFile(target.fsPath, format);
      let complete = false;
      try {
        const limit = await deps.documents.maxLimitFor(collection); // fewest requests: the server's largest page
        let written = 0;
        let reported = 0;
        const pages = deps.documents.client().entityPages(
          { domainAccountId: source.domainAccountId, projectPhaseId: source.projectPhaseId, collection, storeyId: source.storey?.id },
          { limit, signal: controller.signal });
        for await (const page of pages) {
          if (token.isCancellationRequested) throw new vscode.CancellationError();
          await file.add(page.items);
          written += page.items.length;
          const share = page.total ? Math.min(100, (written / page.total) * 100) : 0;
          progress.report({ increment: share - reported, message: `${written.toLocaleString('en')}${page.total !== undefined ? ` of ${page.total.toLocaleString('en')}` : ''} entities` });
          reported = share;
        }
        if (token.isCancellationRequested) throw new vscode.CancellationError();
        const count = await file.complete();
        complete = true;
        return count;
      } finally {
        if (!complete) await file.discard(); // a cancel or failure leaves nothing at the target, nor beside it
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
