// api-read-all: read every page of a huge collection with the BIMlink client, and with a bare undici.request
// loop (sequential pages, same page size) against the same emulator in the same run. Each reader runs in its own
// child process, so its peak RSS is its own; the emulator runs in this process. Sizes 100,000 and 1,000,000
// show whether memory stays flat as the collection grows.
import { fileURLToPath } from 'node:url';
import { startEmulator } from '../../emulator/index';
import { signInWithPassword } from '../../emulator/testing/index';
import { BimlinkClient } from '../../../src/core/api/client';
import type { BenchContext, Benchmark } from '../benchmark';
import { runChild } from '../child';
import { JOB_ENV, type ReadJob, type ReadResult } from './job';

const COLLECTION = 'objectinstances';
const SIZES = [100_000, 1_000_000] as const;
const script = (name: string): string => fileURLToPath(new URL(name, import.meta.url));

/** Each reader alternates (A B B A) and keeps its faster run: the machine may be shared, so noise is real. */
const ROUNDS = 2;

type Reader = 'client' | 'baseline';

function readIn(reader: Reader, job: ReadJob): Promise<ReadResult> {
  const file = reader === 'client' ? 'readWithClient.ts' : 'readWithBaseline.ts';
  return runChild<ReadResult>(script(file), { env: { [JOB_ENV]: JSON.stringify(job) }, timeoutMs: 120_000 });
}

async function measure(context: BenchContext, size: number): Promise<Record<Reader, ReadResult>> {
  const emulator = await startEmulator({ largePhaseObjectInstances: size });
  try {
    const tokens = await signInWithPassword(emulator, 'anna@demo-bimlink.nl');
    // The page size is the collection's maximum, as the server's OpenAPI document states it.
    const collections = await new BimlinkClient({ baseUrl: emulator.url, fetch: globalThis.fetch }).discoverCollections();
    const limit = collections.find(c => c.name === COLLECTION)?.maxLimit ?? 1000;
    const job: ReadJob = {
      baseUrl: emulator.url,
      token: tokens.accessToken,
      domainAccountId: emulator.ids.demoVastgoed,
      projectPhaseId: emulator.ids.grootModel,
      collection: COLLECTION,
      limit,
    };
    // Warm the emulator up (JIT) so neither reader pays for it.
    await readIn('baseline', { ...job, stopAfter: 50_000 });
    const runs: Record<Reader, ReadResult[]> = { client: [], baseline: [] };
    for (let round = 0; round < ROUNDS; round++) {
      const order: Reader[] = round % 2 === 0 ? ['baseline', 'client'] : ['client', 'baseline'];
      for (const reader of order) {
        const r = await readIn(reader, job);
        if (r.entities !== size) throw new Error(`${reader} read ${r.entities} entities, expected ${size}`);
        context.note(`${size.toLocaleString('en')} entities, ${reader}: ${(r.ms / 1000).toFixed(2)} s (CPU ${(r.cpuMs / 1000).toFixed(2)} s), ${r.pages} pages of ${limit}, peak RSS ${r.peakRssMb.toFixed(0)} MB`);
        runs[reader].push(r);
      }
    }
    const best = (list: ReadResult[]): ReadResult => ({
      ...list.reduce((a, b) => (b.ms < a.ms ? b : a)),
      cpuMs: Math.min(...list.map(r => r.cpuMs)),
      peakRssMb: Math.max(...list.map(r => r.peakRssMb)), // peak over all runs
    });
    const baseline = best(runs.baseline);
    const client = best(runs.client);
    return { baseline, client };
  } finally {
    await emulator.close();
  }
}

const rate = (r: ReadResult): number => r.entities / (r.ms / 1000);

export const apiReadAll: Benchmark = {
  name: 'api-read-all',
  description: 'read a 1,000,000-entity collection page by page: BIMlink client vs a bare undici.request loop',
  async run(context) {
    const results = new Map<number, Record<Reader, ReadResult>>();
    for (const size of SIZES) results.set(size, await measure(context, size));
    const small = results.get(100_000)!;
    const large = results.get(1_000_000)!;
    context.report('api-read-all-client', rate(large.client), 'entities/s');
    context.report('api-read-all-baseline', rate(large.baseline), 'entities/s');
    context.report('api-read-all-vs-baseline', rate(large.client) / rate(large.baseline), 'ratio');
    context.report('api-read-all-client-peak-rss', large.client.peakRssMb, 'MB');
    context.report('api-read-all-baseline-peak-rss', large.baseline.peakRssMb, 'MB');
    context.report('api-read-all-client-100k', rate(small.client), 'entities/s');
    context.report('api-read-all-baseline-100k', rate(small.baseline), 'entities/s');
    context.report('api-read-all-client-peak-rss-100k', small.client.peakRssMb, 'MB');
    context.report('api-read-all-baseline-peak-rss-100k', small.baseline.peakRssMb, 'MB');
    // CPU per 1,000 entities in the reading process: how much work the client adds, whatever the machine's load.
    context.report('api-read-all-client-cpu', large.client.cpuMs / (large.client.entities / 1000), 'ms/1k entities');
    context.report('api-read-all-baseline-cpu', large.baseline.cpuMs / (large.baseline.entities / 1000), 'ms/1k entities');
    // Flatness: what ten times more entities cost in peak memory.
    context.report('api-read-all-client-peak-rss-growth', large.client.peakRssMb - small.client.peakRssMb, 'MB');
    context.report('api-read-all-baseline-peak-rss-growth', large.baseline.peakRssMb - small.baseline.peakRssMb, 'MB');
  },
};
