// Runs in the real extension host for `npm run bench` (test/bench/entityDocuments): signs in to the emulator (which
// logs the user in by itself), measures the time until the first page of a collection is visible, and exports the
// whole collection twice: once for the time and the extension host's RSS peak, once for what the export keeps alive.
// Writes its numbers to BIMLINK_BENCH_OUT.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { signInByItself } from '../helpers/signIn';
import { liveDuring, rssDuring, type LiveDuring, type RssDuring } from '../helpers/memoryDuring';
import { machineQuiet } from '../helpers/quietMachine';

export interface EntityBenchResult {
  firstPageMs: number;
  exportMs: number;
  /** CPU time the extension host spent during the export (its own work, and VS Code's). */
  cpuMs: number;
  exported: number;
  rss: RssDuring;
  live: LiveDuring;
}

export async function run(): Promise<void> {
  const source = JSON.parse(process.env.BIMLINK_BENCH_SOURCE!) as { domainAccountId: string; projectPhaseId: string };
  await signInByItself();

  await machineQuiet();
  const opening = performance.now();
  const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('bimlink.openEntities', source, 'objectinstances');
  const firstPageMs = performance.now() - opening;
  if (!editor) throw new Error('the first page did not open');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');

  const folder = mkdtempSync(path.join(tmpdir(), 'bimlink-bench-export-'));
  let exports = 0;
  // a new file each time: replacing an existing one goes through the save dialog
  const exportAll = () => vscode.commands.executeCommand<number | undefined>(
    'bimlink.exportEntities', source, 'objectinstances', vscode.Uri.file(path.join(folder, `export-${++exports}.ndjson`)));
  try {
    await machineQuiet();
    const exporting = performance.now();
    const cpuAtStart = process.cpuUsage();
    const { result: exported, memory: rss } = await rssDuring(exportAll);
    const exportMs = performance.now() - exporting;
    const cpu = process.cpuUsage(cpuAtStart);
    if (!exported) throw new Error('the export did not complete');
    const { result: exportedAgain, memory: live } = await liveDuring(exportAll);
    if (exportedAgain !== exported) throw new Error(`the second export wrote ${exportedAgain} entities, the first ${exported}`);
    const result: EntityBenchResult = { firstPageMs, exportMs, cpuMs: (cpu.user + cpu.system) / 1000, exported, rss, live };
    writeFileSync(process.env.BIMLINK_BENCH_OUT!, JSON.stringify(result));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
