// phase-views: Show Phase Overview and Compare Phases in the real extension host (code-server) on the large phase,
// at 10,000 and 100,000 objects, against the bare baseline loop of api-read-all (undici.request, sequential pages of
// 1,000) reading the same collections from the same emulator in the same run: the overview against one read of the
// large phase's objects, the comparison against a read of each phase's. Ratios are the bare time over the command's
// (≥ 0.8: at most a quarter slower). Memory: what each keeps alive while it runs (live growth over the start, after
// forced full collections), which must stay flat from 10,000 to 100,000 objects; the comparison the other way round
// holds the large phase and shows what a comparison keeps per object. At 100,000 the ratios are the median of three
// rounds, the memory the largest.
import { fileURLToPath } from 'node:url';
import { startEmulator } from '../../emulator/index';
import { ALL_PHASES } from '../../emulator/data/catalog';
import { signInWithPassword } from '../../emulator/testing/index';
import type { PhaseViewsResult } from '../../vscode/bench/phaseViews';
import type { LiveDuring } from '../../vscode/helpers/memoryDuring';
import { median, type Benchmark } from '../benchmark';
import { runChild } from '../child';
import { inExtensionHost } from '../extensionHost';
import { JOB_ENV, type ReadJob, type ReadResult } from '../apiReadAll/job';

const SIZES = [10_000, 100_000] as const;
/** The machine is shared with the emulator and code-server: at 100,000 the reads and the commands alternate three times. */
const ROUNDS: Record<(typeof SIZES)[number], number> = { 10_000: 1, 100_000: 3 };

interface Round { host: PhaseViewsResult; largeRead: ReadResult; previousRead: ReadResult }
const growth = (live: LiveDuring): number => live.peakLiveMb - live.startLiveMb;

export const phaseViews: Benchmark = {
  name: 'phase-views',
  description: 'Show Phase Overview and Compare Phases in the extension host vs bare reads of the same objects',
  async run(context) {
    const previousPhase = ALL_PHASES.find(p => p.path[2] === 'Nieuwbouw Ziekenhuis Oost' && p.code === 'DO');
    if (!previousPhase) throw new Error('the emulator has no phase DO of "Nieuwbouw Ziekenhuis Oost"');
    const measured = new Map<number, Round[]>();
    for (const size of SIZES) {
      const emulator = await startEmulator({ largePhaseObjectInstances: size, autoLogin: 'anna@demo-bimlink.nl' });
      try {
        const large = { domainAccountId: emulator.ids.demoVastgoed, projectPhaseId: emulator.ids.grootModel };
        const previous = { domainAccountId: emulator.ids.demoVastgoed, projectPhaseId: previousPhase.id };
        const tokens = await signInWithPassword(emulator, 'anna@demo-bimlink.nl');
        const read = (source: typeof large) => runChild<ReadResult>(fileURLToPath(new URL('../apiReadAll/readWithBaseline.ts', import.meta.url)), {
          env: { [JOB_ENV]: JSON.stringify({ baseUrl: emulator.url, token: tokens.accessToken, ...source, collection: 'objectinstances', limit: 1000 } satisfies ReadJob) },
          timeoutMs: 180_000,
        });
        const rounds: Round[] = [];
        for (let round = 0; round < ROUNDS[size]; round++) {
          const largeRead = await read(large);
          const previousRead = await read(previous);
          const host = await inExtensionHost<PhaseViewsResult>('phaseViews', {
            BIMLINK_EMULATOR_URL: emulator.url, BIMLINK_BENCH_SOURCE: JSON.stringify({ large, previous }),
          });
          if (host.objects !== size || largeRead.entities !== size) throw new Error(`read ${host.objects} and ${largeRead.entities} objects, expected ${size}`);
          const s = host.compareSummary;
          context.note(`${size.toLocaleString('en')} objects: overview ${host.overviewMs.toFixed(0)} ms, bare read ${largeRead.ms.toFixed(0)} ms; `
            + `compare ${host.compareMs.toFixed(0)} ms (reversed ${host.reversedMs.toFixed(0)} ms), bare reads ${(largeRead.ms + previousRead.ms).toFixed(0)} ms`);
          context.note(`  comparison: ${s.before} → ${s.after} objects, ${s.added} added, ${s.removed} removed, ${s.changed} changed, ${s.unchanged} unchanged`);
          context.note(`  live memory: overview +${growth(host.overviewLive).toFixed(1)} MB, compare +${growth(host.compareLive).toFixed(1)} MB, `
            + `reversed (holding ${size.toLocaleString('en')}) +${growth(host.reversedLive).toFixed(1)} MB`);
          rounds.push({ host, largeRead, previousRead });
        }
        measured.set(size, rounds);
      } finally {
        await emulator.close();
      }
    }
    const big = measured.get(100_000)!;
    context.report('phase-overview-vs-read', median(big.map(r => r.largeRead.ms / r.host.overviewMs)), 'ratio');
    context.report('compare-phases-vs-read', median(big.map(r => (r.largeRead.ms + r.previousRead.ms) / r.host.compareMs)), 'ratio');
    for (const size of SIZES) {
      const rounds = measured.get(size)!;
      const most = (live: (host: PhaseViewsResult) => LiveDuring) => Math.max(...rounds.map(r => growth(live(r.host))));
      const suffix = size === 10_000 ? '10k' : '100k';
      context.report(`phase-overview-live-growth-${suffix}`, most(h => h.overviewLive), 'MB'); // the largest of the rounds
      context.report(`compare-phases-live-growth-${suffix}`, most(h => h.compareLive), 'MB');
      context.report(`compare-phases-holding-large-live-growth-${suffix}`, most(h => h.reversedLive), 'MB');
    }
  },
};
