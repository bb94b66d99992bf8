// A timing check run by hand (not a timed test): scanning a real 1,000-entity page, and the cached resolution a hover
// makes, and Find usages against a bare read of the same collection (20,000 instances). `npx tsx test/unit/references/scanTiming.ts`
import { performance } from 'node:perf_hooks';
import { scanEntityDocument } from '../../../src/core/references/documentScan';
import { findUsages } from '../../../src/core/references/findUsages';
import { EntityResolver } from '../../../src/core/references/entityResolver';
import { ReferenceTable } from '../../../src/core/references/referenceTable';
import { DIALECTS, pageDocument, startSession } from './support/dialectSessions';

function measure(label: string, runs: number, run: () => void): void {
  for (let i = 0; i < 20; i++) run(); // warm up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(`${label}: median ${times[runs >> 1]!.toFixed(3)} ms, p95 ${times[Math.floor(runs * 0.95)]!.toFixed(3)} ms`);
}

for (const dialect of DIALECTS) {
  const session = await startSession(dialect);
  const table = await ReferenceTable.of(session.client);
  const pages = await Promise.all([0, 250, 500, 750].map(offset => pageDocument(session, 'objectinstances', offset, 250)));
  const items = pages.flatMap(p => p.items);
  const text = `${JSON.stringify({ collection: 'objectinstances', ...session.scope, items }, null, 2)}\n`;
  console.log(`${dialect}: ${items.length} entities, ${(text.length / 1024).toFixed(0)} KiB`);
  measure(`  scan (references, ids, symbols)`, 200, () => scanEntityDocument(text, table));
  const resolver = new EntityResolver(session.client);
  const scan = scanEntityDocument(text, table);
  await Promise.all(scan.references.map(r => resolver.resolve(session.scope, r.target, r.id)));
  console.log(`  resolving all ${scan.references.length} references took ${session.apiRequests()} API requests in all (sign-in reads included)`);
  measure(`  cached hover`, 2000, () => resolver.cached(session.scope, scan.references[7]!.target, scan.references[7]!.id));
  await session.emulator.close();
}

const big = await startSession('bimlink', 20_000);
const bare = async () => {
  for await (const page of big.client.entityPages({ ...big.scope, collection: 'objectinstances' }, { limit: 1000 })) void page;
};
const table = await ReferenceTable.of(big.client);
const usages = () => findUsages(big.client, table, big.scope, { collection: 'objecttypes', id: 'none' }, { referrers: [{ collection: 'objectinstances', keys: [] }] });
for (const [label, run] of [['bare read', bare], ['find usages', usages], ['bare read', bare], ['find usages', usages]] as const) {
  const start = performance.now();
  await run();
  console.log(`${label} of 20,000 instances: ${(performance.now() - start).toFixed(0)} ms`);
}
await big.emulator.close();
