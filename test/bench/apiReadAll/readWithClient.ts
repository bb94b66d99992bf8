// Child process: reads every page of one collection with the BIMlink client and reports throughput and peak RSS.
import { BimlinkClient } from '../../../src/core/api/client';
import { staticTokenSource } from '../../../src/core/api/tokenSource';
import { childMain } from '../child';
import { readJob, type ReadResult } from './job';

childMain(async (): Promise<ReadResult> => {
  const job = readJob();
  const client = new BimlinkClient({
    baseUrl: job.baseUrl,
    fetch: globalThis.fetch, // what the extension host gives the client at run time
    tokens: staticTokenSource(job.token),
    prefetch: job.prefetch,
  });
  const scope = { domainAccountId: job.domainAccountId, projectPhaseId: job.projectPhaseId, collection: job.collection };
  const started = performance.now();
  const cpuAtStart = process.cpuUsage();
  let entities = 0;
  let pages = 0;
  for await (const page of client.entityPages(scope, { limit: job.limit })) {
    entities += page.items.length;
    pages++;
  }
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuAtStart);
  return { entities, pages, ms, cpuMs: (cpu.user + cpu.system) / 1000, peakRssMb: process.resourceUsage().maxRSS / 1024 };
});
