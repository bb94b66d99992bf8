// Child process: Find References on an object type — findUsages over the object instances (the referrer Find
// References searches for an object type's id that the baseline reads too), with the BIMlink client at the page size
// findUsages picks (the collection's largest). The reference table is built first, untimed: the providers build it
// once per signed-in client, not per search.
import { BimlinkClient } from '../../../src/core/api/client';
import { staticTokenSource } from '../../../src/core/api/tokenSource';
import { findUsages } from '../../../src/core/references/findUsages';
import { ReferenceTable } from '../../../src/core/references/referenceTable';
import { childMain } from '../child';
import { JOB_ENV, jobOf, type FindJob, type FindResult } from './job';

childMain(async (): Promise<FindResult> => {
  const job = jobOf<FindJob>(JOB_ENV);
  const client = new BimlinkClient({ baseUrl: job.baseUrl, fetch: globalThis.fetch, tokens: staticTokenSource(job.token) });
  const scope = { domainAccountId: job.domainAccountId, projectPhaseId: job.projectPhaseId };
  const table = await ReferenceTable.of(client);
  const referrers = table.referrersOf('objecttypes').filter(r => r.collection === job.collection);
  if (referrers.length !== 1) throw new Error(`the reference table names no referrer ${job.collection} of objecttypes`);
  const info = await client.collectionInfo(job.collection);
  if (info.maxLimit !== job.limit) throw new Error(`findUsages reads ${job.collection} at ${info.maxLimit}, the baseline at ${job.limit}`);
  let pages = 0;
  let previousRead = 0;
  const started = performance.now();
  const cpuAtStart = process.cpuUsage();
  const summary = await findUsages(client, table, scope, { collection: 'objecttypes', id: job.objectTypeId }, {
    referrers,
    onProgress: ({ read }) => {
      if (read > previousRead) pages++;
      previousRead = read;
    },
  });
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuAtStart);
  return { entities: summary.read, pages, found: summary.found, ms, cpuMs: (cpu.user + cpu.system) / 1000, peakRssMb: process.resourceUsage().maxRSS / 1024 };
});
