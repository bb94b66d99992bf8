// entity-documents: in the real extension host (code-server), the time until the first page of a collection is
// visible, and the throughput of Export Entities over a whole collection against the bare baseline loop of
// api-read-all (undici.request, sequential pages, same page size) on the same emulator in the same run, with the
// extension host's peak memory during the export, at 100,000 and 1,000,000 entities.
import { fileURLToPath } from 'node:url';
import { startEmulator } from '../../emulator/index';
import { signInWithPassword } from '../../emulator/testing/index';
import type { EntityBenchResult } from '../../vscode/bench/entityDocuments';
import { median, type Benchmark } from '../benchmark';
import { runChild } from '../child';
import { inExtensionHost } from '../extension-host';
import { JOB_ENV, type ReadJob, type ReadResult } from '../api-read-all/job';

const SIZES = [100_000, 1_000_000] as const;
const ROUNDS: Record<(typeof SIZES)[number], number> = { 100_000: 1, 1_000_000: 3 };

export const entityDocuments: Benchmark = {
  name: 'entity-documents',
  description: 'first page visible, and Export Entities in the extension host vs the bare baseline loop',
  async run(context) {
    const results = new Map<number, { host: EntityBenchResult; baseline: ReadResult }[]>();
    for (const size of SIZES) {
      const emulator = await startEmulator({ largePhaseObjectInstances: size, autoLogin: 'anna@demo-bimlink.nl' });
      try {
        const source = { domainAccountId: emulator.ids.demoVastgoed, projectPhaseId: emulator.ids.grootModel };
        const tokens = await signInWithPassword(emulator, 'anna@demo-bimlink.nl');
        const job: ReadJob = { baseUrl: emulator.url, token: tokens.accessToken, ...source, collection: 'objectinstances', limit: 1000 };
        const rounds: { host: EntityBenchResult; baseline: ReadResult }[] = [];
        // the machine is shared with the emulator and code-server: alternate the two several times, report the median
        for (let round = 0; round < ROUNDS[size]; round++) {
          const baseline = await runChild<ReadResult>(fileURLToPath(new URL('../api-read-all/read-with-baseline.ts', import.meta.url)),
            { env: { [JOB_ENV]: JSON.stringify(job) }, timeoutMs: 180_000 });
          const host = await inExtensionHost<EntityBenchResult>('entityDocuments', { BIMLINK_EMULATOR_URL: emulator.url, BIMLINK_BENCH_SOURCE: JSON.stringify(source) });
          if (host.exported !== size) throw new Error(`exported ${host.exported} entities, expected ${size}`);
          context.note(`${size.toLocaleString('en')} entities: first page ${host.firstPageMs.toFixed(0)} ms, export ${(host.exportMs / 1000).toFixed(1)} s, baseline ${(baseline.ms / 1000).toFixed(1)} s, extension host RSS ${host.startRssMb.toFixed(0)} → ${host.peakRssMb.toFixed(0)} MB, live after full collections ${host.startLiveMb.toFixed(0)} → ${host.peakLiveMb.toFixed(0)} MB (${host.fullCollections} collections)`);
          rounds.push({ host, baseline });
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
    context.report('export-extension-host-peak-rss', Math.max(...large.map(r => r.host.peakRssMb)), 'MB');
    context.report('export-extension-host-peak-rss-100k', Math.max(...small.map(r => r.host.peakRssMb)), 'MB');
    context.report('export-extension-host-rss-growth', median(large.map(r => r.host.peakRssMb - r.host.startRssMb)), 'MB');
    context.report('export-extension-host-rss-growth-100k', median(small.map(r => r.host.peakRssMb - r.host.startRssMb)), 'MB');
    context.report('export-extension-host-live-growth', median(large.map(r => r.host.peakLiveMb - r.host.startLiveMb)), 'MB');
    context.report('export-extension-host-live-growth-100k', median(small.map(r => r.host.peakLiveMb - r.host.startLiveMb)), 'MB');
  },
};
