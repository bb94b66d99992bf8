// Writing an export under a cancellable progress notification, the one way Export Entities and the comparison's
// export do it: the entries go to an ExportFile as they come, and only a complete file is moved to the target, so a
// cancel or failure leaves nothing there nor beside it.
import * as vscode from 'vscode';
import { literalText } from '../../core/text/untrustedText';
import { CommandError } from '../commands/commandError';
import { countProgress, type CountReport } from '../feedback/countProgress';
import { ExportFile, type ExportFormat } from './exportFile';

/** The path to write an export to: only a file on the computer the extension runs on. */
export function exportPathOf(target: vscode.Uri): string {
  if (target.scheme !== 'file') throw new CommandError('BIMlink can export only to a file on the computer VS Code runs its extensions on.');
  return target.fsPath;
}

/** Runs `write` (which stops when `signal` aborts) and completes the file; resolves with the number of entries written. */
export function exportWithProgress(path: string, format: ExportFormat, title: string,
  write: (file: ExportFile, report: CountReport, signal: AbortSignal) => Promise<void>): Promise<number> {
  return Promise.resolve(vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: literalText(title), cancellable: true },
    async (progress, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      const file = new ExportFile(path, format);
      let complete = false;
      try {
        await write(file, countProgress(progress), controller.signal);
        if (token.isCancellationRequested) throw new vscode.CancellationError();
        const count = await file.complete();
        complete = true;
        return count;
      } finally {
        if (!complete) await file.discard(); // a cancel or failure leaves nothing at the target, nor beside it
      }
    }));
}
