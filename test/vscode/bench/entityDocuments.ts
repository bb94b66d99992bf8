// Runs in the real extension host for `npm run bench` (test/bench/entity-documents): signs in to the emulator (which
// logs the user in by itself), measures the time until the first page of a collection is visible, and exports the
// whole collection while sampling the extension host's memory. Writes its numbers to BIMLINK_BENCH_OUT.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { useEmulator } from '../helpers/settings';

export interface EntityBenchResult {
  firstPageMs: number;
  exportMs: number;
  exported: number;
  peakRssMb: number;
  startRssMb: number;
}

export async function run(): Promise<void> {
  const out = process.env.BIMLINK_BENCH_OUT!;
  const source = JSON.parse(process.env.BIMLINK_BENCH_SOURCE!) as { domainAccountId: string; projectPhaseId: string };
  await useEmulator({ pageSize: 100 });
  const session = await vscode.commands.executeCommand<vscode.AuthenticationSession | undefined>('bimlink.signIn');
  if (!session) throw new Error('the bench could not sign in');

  const opening = performance.now();
  const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('bimlink.openEntities', source, 'objectinstances');
  const firstPageMs = performance.now() - opening;
  if (!editor) throw new Error('the first page did not open');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');

  const folder = mkdtempSync(path.join(tmpdir(), 'bimlink-bench-export-'));
  const startRssMb = process.memoryUsage.rss() / 2 ** 20;
  let peakRssMb = startRssMb;
  const sampler = setInterval(() => { peakRssMb = Math.max(peakRssMb, process.memoryUsage.rss() / 2 ** 20); }, 25);
  try {
    const exporting = performance.now();
    const exported = await vscode.commands.executeCommand<number | undefined>('bimlink.exportEntities', source, 'objectinstances',
      vscode.Uri.file(path.join(folder, 'export.ndjson')));
    const exportMs = performance.now() - exporting;
    if (!exported) throw new Error('the export did not complete');
    const result: EntityBenchResult = { firstPageMs, exportMs, exported, peakRssMb, startRssMb };
    writeFileSync(out, JSON.stringify(result));
  } finally {
    clearInterval(sampler);
    rmSync(folder, { recursive: true, force: true });
  }
}
