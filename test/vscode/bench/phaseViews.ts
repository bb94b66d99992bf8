// Runs in the real extension host for `npm run bench` (test/bench/phaseViews): signs in to the emulator (which logs
// the user in by itself), then times Show Phase Overview on the large phase and Compare Phases from the phase before
// it, each once for the time and once more for what it keeps alive (forced full collections every 100 ms, so that
// even the short runs at 10,000 objects are sampled). The
// comparison is also run the other way round, holding the large phase, for the memory a comparison keeps per
// object. Refresh between runs empties the caches, so every run reads the phases from the server.
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { PhaseOverview } from '../../../src/core/phases/phaseOverview';
import type { ComparisonSummary } from '../../../src/core/phases/phaseComparison';
import { liveDuring as liveEvery, type LiveDuring } from '../helpers/memoryDuring';
import { machineQuiet } from '../helpers/quietMachine';
import { signInByItself } from '../helpers/signIn';

const liveDuring = <T>(work: () => PromiseLike<T>) => liveEvery(work, 100);

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
  const overview = () => vscode.commands.executeCommand<PhaseOverview | undefined>('bimlink.showPhaseOverview', large);
  const compare = (before: PhaseSource, after: PhaseSource) => () =>
    vscode.commands.executeCommand<ComparisonSummary | undefined>('bimlink.comparePhases', before, after);

  const timed = await fresh(overview, timing);
  if (!timed.result) throw new Error('the overview did not complete');
  const { memory: overviewLive } = await fresh(overview, liveDuring);
  const compared = await fresh(compare(previous, large), timing);
  if (!compared.result) throw new Error('the comparison did not complete');
  const { memory: compareLive } = await fresh(compare(previous, large), liveDuring);
  const reversed = await fresh(compare(large, previous), timing);
  const { memory: reversedLive } = await fresh(compare(large, previous), liveDuring);
  const result: PhaseViewsResult = {
    objects: timed.result.objects.total, overviewMs: timed.ms, overviewLive,
    compareMs: compared.ms, compareSummary: compared.result, compareLive, reversedMs: reversed.ms, reversedLive,
  };
  writeFileSync(process.env.BIMLINK_BENCH_OUT!, JSON.stringify(result));
}

/**
 * Measures a command after a Refresh (so nothing comes from an earlier run's cache) once the machine is quiet again,
 * and closes the editors after: neither the Refresh's reload of the explorer nor the closing is measured.
 */
async function fresh<T, M>(command: () => Thenable<T>, measure: (work: () => Promise<T>) => Promise<M>): Promise<M> {
  await vscode.commands.executeCommand('bimlink.refresh');
  await machineQuiet();
  try {
    return await measure(async () => command());
  } finally {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  }
}

async function timing<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await work();
  return { result, ms: performance.now() - start };
}
