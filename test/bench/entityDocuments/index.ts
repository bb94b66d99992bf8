// entity-documents: in the real extension host (code-server), the time until the first page of a collection is
// visible, and the throughput of Export Entities over a whole collection against the bare baseline loop of
// api-read-all (undici.request, sequential pages, same page size) on the same emulator in the same run, with the
// extension host's peak memory during the export, at 100,000 and 1,000,000 entities: what the export keeps alive
// (live memory after full collections), and the RSS peak, set beside the RSS peak of the bare fetch loop in a fresh
// extension host (test/vscode/bench/bareRead.ts). The RSS peak of any reader in the extension host grows with N,
// garbage the host's large heap collects in full only now and then; what the export keeps alive must not.
import { fileURLToPath } from 'node:url';
import { startEmulator } from '../../emulator/index';
import { signInWithPassword } from '../../emulator/testing/index';
import type { BareReadResult } from '../../vscode/bench/bareRead';
import type { EntityBenchResult } from '../../vscode/bench/entityDocuments';
import type { LiveDuring, RssDuring } from '../../vscode/helpers/memoryDuring';
import { median, type Benchmark } from '../benchmark';
import { runChild } from '../child';
import { inExtensionHost } from '../extensionHost';
import { JOB_ENV, type ReadJob, type ReadResult } from '../apiReadAll/job';

const SIZES = [100_000, 1_000_000] as const;
const ROUNDS: Record<(typeof SIZES)[number], number> = { 100_000: 1, 1_000_000: 3 };

interface Round { host: EntityBenchResult; baseline: ReadResult; bare: BareReadResult }

const rssGrowth = (rss: RssDuring): number => rss.peakRssMb - rss.startRssMb;
const liveGrowth = (live: LiveDuring): number => live.peakLiveMb - live.startLiveMb;
/** The median live memory in the first and in the second half of the export: what it keeps per entity shows as a rise. */
const liveHalves = (live: LiveDuring): [number, number] => {
  const half = Math.floor(live.samples.length / 2);
  return [median(live.samples.slice(0, half)), median(live.samples.slice(half))];
};
const liveDrift = (live: LiveDuring): number => { const [first, second] = liveHalves(live); return second - first; };

const describeRss = (rss: RssDuring): string => `RSS ${rss.startRssMb.toFixed(0)} → ${rss.peakRssMb.toFixed(0)} MB`;
const describeLive = (live: LiveDuring): string => {
  let halves = '';
  if (live.samples.length >= 2) {
    const [first, second] = liveHalves(live);
    halves = `; median ${first.toFixed(1)} MB in the first half, ${second.toFixed(1)} MB in the second`;
  }
  return `live ${live.startLiveMb.toFixed(1)} → ${live.peakLiveMb.toFixed(1)} MB (${live.samples.length} forced full collections${halves})`;
};

export const entityDocuments: Benchmark = {
  name: 'entity-documents',
  description: 'first page visible, and Export Entities in the extension host vs the bare baseline loop',
  async run(context) {
    const results = new Map<number, Round[]>();
    for (const size of SIZES) {
      const emulator = await startEmulator({ largePhaseObjectInstances: size, autoLogin: 'anna@demo-bimlink.nl' });
      try {
        const source = { domainAccountId: emulator.ids.demoVastgoed, projectPhaseId: emulator.ids.grootModel };
        const tokens = await signInWithPassword(emulator, 'anna@demo-bimlink.nl');
        const job: ReadJob = { baseUrl: emulator.url, token: tokens.accessToken, ...source, collection: 'objectinstances', limit: 1000 };
        const rounds: Round[] = [];
        // the machine is shared with the emulator and code-server: alternate the two several times, report the median
        for (let round = 0; round < ROUNDS[size]; round++) {
          const baseline = await runChild<ReadResult>(fileURLToPath(new URL('../apiReadAll/readWithBaseline.ts', import.meta.url)),
            { env: { [JOB_ENV]: JSON.stringify(job) }, timeoutMs: 180_000 });
          const env = { BIMLINK_EMULATOR_URL: emulator.url, BIMLINK_BENCH_SOURCE: JSON.stringify(source) };
          const host = await inExtensionHost<EntityBenchResult>('entityDocuments', env);
          if (host.exported !== size) throw new Error(`exported ${host.exported} entities, expected ${size}`);
          const bare = await inExtensionHost<BareReadResult>('bareRead', env);
          if (bare.read !== size) throw new Error(`the bare fetch loop read ${bare.read} entities, expected ${size}`);
          context.note(`${size.toLocaleString('en')} entities: first page ${host.firstPageMs.toFixed(0)} ms, export ${(host.exportMs / 1000).toFixed(1)} s (extension host CPU ${(host.cpuMs / 1000).toFixed(1)} s), baseline ${(baseline.ms / 1000).toFixed(1)} s (CPU ${(baseline.cpuMs / 1000).toFixed(1)} s)`);
          context.note(`  extension host during the export: ${describeRss(host.rss)}; during a second export: ${describeLive(host.live)}`);
          context.note(`  extension host during the bare fetch loop (${(bare.ms / 1000).toFixed(1)} s): ${describeRss(bare.rss)}`);
          rounds.push({ host, baseline, bare });
        }
        results.set(size, rounds);
      } finally {
        await emulator.close();
      }
    }
    const rate = (entities: number, ms: number) => entities / (ms / 1000);
    const large = results.get(1_000_000)!;
    const small = results.get(100_000)!;
    const exportRate = median(large.map(r => rate(r.host.exported, r.host.exportMs)));
    const baselineRate = median(large.map(r => rate(r.baseline.entities, r.baseline.ms)));
    context.report('entity-first-page', median(large.map(r => r.host.firstPageMs)), 'ms');
    context.report('export-entities', exportRate, 'entities/s');
    context.report('export-baseline', baselineRate, 'entities/s');
    context.report('export-vs-baseline', median(large.map(r => rate(r.host.exported, r.host.exportMs) / rate(r.baseline.entities, r.baseline.ms))), 'ratio');
    for (const [suffix, rounds] of [['', large], ['-100k', small]] as const) {
      context.report(`export-extension-host-peak-rss${suffix}`, Math.max(...rounds.map(r => r.host.rss.peakRssMb)), 'MB');
      context.report(`export-extension-host-rss-growth${suffix}`, median(rounds.map(r => rssGrowth(r.host.rss))), 'MB');
      context.report(`bare-fetch-extension-host-rss-growth${suffix}`, median(rounds.map(r => rssGrowth(r.bare.rss))), 'MB');
      context.report(`export-extension-host-live-growth${suffix}`, median(rounds.map(r => liveGrowth(r.host.live))), 'MB');
    }
    // at 1,000,000 entities both loops grow the RSS by about 100 MB, enough for a ratio that means something
    context.report('export-vs-bare-fetch-rss-growth', median(large.map(r => rssGrowth(r.host.rss) / rssGrowth(r.bare.rss))), 'ratio');
    context.report('export-extension-host-live-drift', median(large.map(r => liveDrift(r.host.live))), 'MB');
  },
};
