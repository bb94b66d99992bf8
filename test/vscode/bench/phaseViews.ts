// Runs in the real extension host for `npm run bench` (test/bench/phaseViews): signs in to the emulator (which logs
// the user in by itself), then times Show Phase Overview on the large phase and Compare Phases from the phase before
// it, each once for the time and once more for what it keeps alive (forced full collections every half second). The
// comparison is also run the other way round, holding the large phase, for the memory a comparison keeps per
// object. Refresh between runs empties the caches, so every run reads the phases from the server.
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { PhaseOverview } from '../../../src/core/phases/phaseOverview';
import type { ComparisonSummary } from '../../../src/core/phases/phaseComparison';
import { liveDuring, type LiveDuring } from '../helpers/memoryDuring';
import { machineQuiet } from '../helpers/quietMachine';
import { signInByItself } from '../helpers/signIn';

interface PhaseSource { domainAccountId: string; projectPhaseId: string }

export interface PhaseViewsResult {
  objects: number;
  overviewMs: number;
  overviewLive: LiveDuring;
  compareMs: number;
  compareSummary: ComparisonSummary;
  compareLive: LiveDuring;
  /** The comparison the other way round: the large phase is the one held. */
  reversedMs: number;
  reversedLive: LiveDuring;
}

export async function run(): Promise<void> {
  const { large, previous } = JSON.parse(process.env.BIMLINK_BENCH_SOURCE!) as { large: PhaseSource; previous: PhaseSource };
  await signInByItself();
  const overview = () => fresh(() => vscode.commands.executeCommand<PhaseOverview | undefined>('bimlink.showPhaseOverview', large));
  const compare = (before: PhaseSource, after: PhaseSource) =>
    fresh(() => vscode.commands.executeCommand<ComparisonSummary | undefined>('bimlink.comparePhases', before, after));

  const timed = await timing(overview);
  if (!timed.result) throw new Error('the overview did not complete');
  const { memory: overviewLive } = await liveDuring(overview);
  const compared = await timing(() => compare(previous, large));
  if (!compared.result) throw new Error('the comparison did not complete');
  const { memory: compareLive } = await liveDuring(() => compare(previous, large));
  const reversed = await timing(() => compare(large, previous));
  const { memory: reversedLive } = await liveDuring(() => compare(large, previous));
  const result: PhaseViewsResult = {
    objects: timed.result.objects.total, overviewMs: timed.ms, overviewLive,
    compareMs: compared.ms, compareSummary: compared.result, compareLive, reversedMs: reversed.ms, reversedLive,
  };
  writeFileSync(process.env.BIMLINK_BENCH_OUT!, JSON.stringify(result));
}

/** Runs the command after a Refresh, so nothing comes from an earlier run's cache, with all editors closed after. */
async function fresh<T>(command: () => Thenable<T>): Promise<T> {
  await vscode.commands.executeCommand('bimlink.refresh');
  try {
    return await command();
  } finally {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  }
}

async function timing<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  await machineQuiet();
  const start = performance.now();
  const result = await work();
  return { result, ms: performance.now() - start };
}
