// bim-graph (issue 18, "Navigate the BIM graph"): what the providers cost, on the emulator's large phase.
//  - document-links-1000: links and symbols of a real 1,000-entity page of object instances (scanEntityDocument over
//    the page as the extension renders it, and every link's target address), median per run after warm-up, and its p95;
//  - hover-cached: a hover whose entity is cached (the reference under the cursor, EntityResolver.cached, the hover's
//    Markdown), median per hover, and its p95;
//  - find-references-vs-read: Find References on an object type (findUsages over the 100,000 object instances) against
//    the bare read of the same collection (apiReadAll's undici.request loop, same page size, same requests, no
//    matching), alternating, each in its own child process: baseline time / findUsages time (1 = as fast as a read).
// The emulator runs in this process and sits idle while a child measures the scans and hovers.
import { fileURLToPath } from 'node:url';
import { startEmulator } from '../../emulator/index';
import { signInWithPassword } from '../../emulator/testing/index';
import { BimlinkClient } from '../../../src/core/api/client';
import { staticTokenSource } from '../../../src/core/api/tokenSource';
import type { ReadJob, ReadResult } from '../apiReadAll/job';
import { median, type BenchContext, type Benchmark } from '../benchmark';
import { runChild } from '../child';
import { JOB_ENV, type FindJob, type FindResult, type LinksResult, type PhaseJob } from './job';

const COLLECTION = 'objectinstances';
const SIZE = 100_000;
/** Find References and the bare read alternate (A B, B A, …): the machine may be shared, so noise is real. */
const ROUNDS = 5;
const script = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
};

async function linksAndHovers(context: BenchContext, job: PhaseJob): Promise<void> {
  const r = await runChild<LinksResult>(script('linksAndHovers.ts'), { env: { [JOB_ENV]: JSON.stringify(job) }, timeoutMs: 180_000 });
  context.note(`a page of ${r.entities.toLocaleString('en')} object instances (${(r.chars / 1024).toFixed(0)} KiB): ${r.references} references, ${r.symbols} symbols; `
    + `${r.scanMs.length} scans, ${r.hoverMs.length.toLocaleString('en')} hovers over ${r.resolved} resolved references`);
  context.note(`of which scanEntityDocument alone: median ${median(r.scanOnlyMs).toFixed(2)} ms (the rest builds the ${r.references} link targets)`);
  context.report('document-links-1000', median(r.scanMs), 'ms');
  context.report('document-links-1000-p95', percentile(r.scanMs, 0.95), 'ms');
  context.report('hover-cached', median(r.hoverMs), 'ms');
  context.report('hover-cached-p95', percentile(r.hoverMs, 0.95), 'ms');
}

async function findReferences(context: BenchContext, job: FindJob): Promise<void> {
  const env = { [JOB_ENV]: JSON.stringify(job) };
  const baseline = (read: ReadJob = job): Promise<ReadResult> =>
    runChild<ReadResult>(script('../apiReadAll/readWithBaseline.ts'), { env: { [JOB_ENV]: JSON.stringify(read) }, timeoutMs: 180_000 });
  const find = (): Promise<FindResult> => runChild<FindResult>(script('findReferences.ts'), { env, timeoutMs: 180_000 });
  await baseline({ ...job, stopAfter: 50_000 }); // warm the emulator up (JIT) so neither reader pays for it
  const runs: { baseline: ReadResult[]; find: FindResult[] } = { baseline: [], find: [] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const which of round % 2 === 0 ? ['baseline', 'find'] as const : ['find', 'baseline'] as const) {
      const r = which === 'find' ? await find() : await baseline();
      if (r.entities !== SIZE) throw new Error(`${which} read ${r.entities} entities, expected ${SIZE}`);
      if (which === 'find') {
        const found = (r as FindResult).found;
        if (found === 0) throw new Error(`Find References found no instance of object type ${job.objectTypeId}`);
        runs.find.push(r as FindResult);
      } else runs.baseline.push(r);
      const extra = which === 'find' ? `, ${(r as FindResult).found} usages` : '';
      context.note(`${which === 'find' ? 'find references' : 'bare read'}: ${(r.ms / 1000).toFixed(2)} s (CPU ${(r.cpuMs / 1000).toFixed(2)} s), ${r.pages} pages${extra}`);
    }
  }
  const baselineMs = median(runs.baseline.map(r => r.ms));
  const findMs = median(runs.find.map(r => r.ms));
  context.report('find-references-vs-read', baselineMs / findMs, 'ratio');
  context.report('find-references-100k', findMs, 'ms');
  context.report('find-references-baseline-100k', baselineMs, 'ms');
  // CPU of the reading process: what matching and the client add, whatever the machine's load
  context.report('find-references-cpu-vs-read', median(runs.baseline.map(r => r.cpuMs)) / median(runs.find.map(r => r.cpuMs)), 'ratio');
}

export const bimGraph: Benchmark = {
  name: 'bim-graph',
  description: 'document links and symbols of a 1,000-entity page, a cached hover, and Find References vs a bare read of 100,000 instances',
  async run(context) {
    const emulator = await startEmulator({ largePhaseObjectInstances: SIZE });
    try {
      const tokens = await signInWithPassword(emulator, 'anna@demo-bimlink.nl');
      const phase: PhaseJob = { baseUrl: emulator.url, token: tokens.accessToken, domainAccountId: emulator.ids.demoVastgoed, projectPhaseId: emulator.ids.grootModel };
      const client = new BimlinkClient({ baseUrl: emulator.url, fetch: globalThis.fetch, tokens: staticTokenSource(tokens.accessToken) });
      // the page size findUsages reads at: the collection's largest, as the server's OpenAPI document states it
      const info = await client.collectionInfo(COLLECTION);
      if (info.maxLimit === undefined) throw new Error(`the emulator states no largest page for ${COLLECTION}`);
      // the object type of the first instance: one Find References has something to find for
      const first = await client.getEntityPage({ domainAccountId: phase.domainAccountId, projectPhaseId: phase.projectPhaseId, collection: COLLECTION }, { offset: 0, limit: 1 });
      const objectTypeId = first.items[0]?.['objectTypeId'];
      if (typeof objectTypeId !== 'string') throw new Error('the first object instance names no object type');
      await linksAndHovers(context, phase);
      await findReferences(context, { ...phase, collection: COLLECTION, limit: info.maxLimit, objectTypeId });
    } finally {
      await emulator.close();
    }
  },
};
