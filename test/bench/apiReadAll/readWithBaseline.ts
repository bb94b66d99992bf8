// Child process: the bare baseline — undici.request, one page after another, JSON.parse, nothing else.
import { request } from 'undici';
import { childMain } from '../child';
import { readJob, type ReadResult } from './job';

childMain(async (): Promise<ReadResult> => {
  const job = readJob();
  const path = `/domainaccounts/${job.domainAccountId}/projectphases/${job.projectPhaseId}/${job.collection}`;
  const started = performance.now();
  const cpuAtStart = process.cpuUsage();
  let entities = 0;
  let pages = 0;
  for (let offset = 0; ; offset += job.limit) {
    const response = await request(`${job.baseUrl}${path}?limit=${job.limit}&offset=${offset}`, {
      headers: { authorization: `Bearer ${job.token}`, accept: 'application/json' },
    });
    if (response.statusCode !== 200) throw new Error(`HTTP ${response.statusCode} at offset ${offset}`);
    const items = (await response.body.json()) as unknown[];
    entities += items.length;
    pages++;
    if (items.length < job.limit || entities >= (job.stopAfter ?? Infinity)) break;
  }
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuAtStart);
  return { entities, pages, ms, cpuMs: (cpu.user + cpu.system) / 1000, peakRssMb: process.resourceUsage().maxRSS / 1024 };
});
