// Runs in the real extension host for `npm run bench` (test/bench/entity-documents): signs in to the emulator (which
// logs the user in by itself), measures the time until the first page of a collection is visible, and exports the
// whole collection while sampling the extension host's memory. Writes its numbers to BIMLINK_BENCH_OUT.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { useEmulator } from '../helpers/settings';

export interface EntityBenchResult {
  firstPageMs: number;
  exportMs: number;
  exported: number;
  peakRssMb: number;
  startRssMb: number;
  /**
   * What the export keeps alive: after each full garbage collection during the export, the JS heap in use plus the
   * memory of array buffers (the id table, buffers being written). RSS also counts garbage not yet collected.
   */
  startLiveMb: number;
  peakLiveMb: number;
  fullCollections: number;
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
  const liveMb = () => { const { heapUsed, arrayBuffers } = process.memoryUsage(); return (heapUsed + arrayBuffers) / 2 ** 20; };
  const startLiveMb = liveMb();
  let peakLiveMb = startLiveMb;
  let fullCollections = 0;
  const collections = new PerformanceObserver(list => {
    for (const entry of list.getEntries()) {
      if ((entry.detail as { kind?: number } | undefined)?.kind !== constants.NODE_PERFORMANCE_GC_MAJOR) continue;
      fullCollections++;
      peakLiveMb = Math.max(peakLiveMb, liveMb());
    }
  });
  collections.observe({ entryTypes: ['gc'] });
  try {
    const exporting = performance.now();
    const exported = await vscode.commands.executeCommand<number | undefined>('bimlink.exportEntities', source, 'objectinstances',
      vscode.Uri.file(path.join(folder, 'export.ndjson')));
    const exportMs = performance.now() - exporting;
    if (!exported) throw new Error('the export did not complete');
    const result: EntityBenchResult = { firstPageMs, exportMs, exported, peakRssMb, startRssMb, startLiveMb, peakLiveMb, fullCollections };
    writeFileSync(out, JSON.stringify(result));
  } finally {
    clearInterval(sampler);
    collections.disconnect();
    rmSync(folder, { recursive: true, force: true });
  }
}
