// Runs in the real extension host for `npm run bench` (test/bench/entityDocuments): the memory yardstick for the
// export. The bare loop any code in the extension host would write (the host's own fetch, one page after another,
// response.json(), nothing kept) reads the same collection while the extension host's RSS peak is measured the same way.
// Writes its numbers to BIMLINK_BENCH_OUT.
import { writeFileSync } from 'node:fs';
import { emulatorUrl } from '../helpers/emulator';
import { signInByItself } from '../helpers/signIn';
import { rssDuring, type RssDuring } from '../helpers/memoryDuring';
import { machineQuiet } from '../helpers/quietMachine';

export interface BareReadResult {
  read: number;
  ms: number;
  rss: RssDuring;
}

const LIMIT = 1000;

async function readAll(url: string, token: string): Promise<number> {
  let read = 0;
  for (let offset = 0; ; offset += LIMIT) {
    const response = await fetch(`${url}?limit=${LIMIT}&offset=${offset}`, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
    if (response.status !== 200) throw new Error(`HTTP ${response.status} at offset ${offset}`);
    const items = await response.json() as unknown[];
    read += items.length;
    if (items.length < LIMIT) return read;
  }
}

export async function run(): Promise<void> {
  const source = JSON.parse(process.env.BIMLINK_BENCH_SOURCE!) as { domainAccountId: string; projectPhaseId: string };
  const session = await signInByItself();
  const url = `${emulatorUrl()}/domainaccounts/${source.domainAccountId}/projectphases/${source.projectPhaseId}/objectinstances`;
  await machineQuiet();
  const started = performance.now();
  const { result: read, memory: rss } = await rssDuring(() => readAll(url, session.accessToken));
  const result: BareReadResult = { read, ms: performance.now() - started, rss };
  writeFileSync(process.env.BIMLINK_BENCH_OUT!, JSON.stringify(result));
}
