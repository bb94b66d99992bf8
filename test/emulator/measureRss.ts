// Measures the memory of an emulator process: `npx tsx test/emulator/measureRss.ts`.
// Starts the CLI as a child process (as `npm run emulator` would run it) with the default data
// and with a 1,000,000-instance "Groot model" phase, reads pages across the whole range, and
// prints the child's resident set size (VmRSS) and peak (VmHWM) from /proc.

import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEMO_IDS } from './data/catalog';
import { apiGet } from './testing/http';
import { signInWithPassword } from './testing/signIn';

const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));
const MB = 1024 * 1024;

interface Measurement {
  readonly scenario: string;
  readonly startedMb: number;
  readonly afterReadsMb: number;
  readonly peakMb: number;
  readonly pages: number;
  readonly medianPageMs: number;
}

function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

async function startCli(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'ignore'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/[\d.:]+)/.exec(output);
      if (match && output.includes('Press Ctrl-C')) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`emulator exited with ${code}: ${output}`)));
  });
  return { child, url };
}

async function measure(scenario: string, args: string[], size: number): Promise<Measurement> {
  const { child, url } = await startCli(args);
  try {
    await new Promise((resolve) => setTimeout(resolve, 500)); // let startup garbage settle
    const started = memoryOf(child.pid!);
    const emulator = { url };
    const token = (await signInWithPassword(emulator, 'anna@demo-bimlink.nl')).accessToken;
    const phasePath = `/domainaccounts/${DEMO_IDS.demoVastgoed}/projectphases/${DEMO_IDS.grootModel}`;
    const times: number[] = [];
    const read = async (path: string): Promise<void> => {
      const begin = performance.now();
      const response = await apiGet<unknown[]>(emulator, path, token);
      times.push(performance.now() - begin);
      if (response.status !== 200) throw new Error(`${response.status} for ${path}`);
    };
    // 50 pages of 1,000 instances spread over the whole range, the last page, and pages of
    // the other collections.
    for (let k = 0; k < 50; k++) await read(`${phasePath}/objectinstances?limit=1000&offset=${Math.floor((k * (size - 1000)) / 49)}`);
    await read(`${phasePath}/objectinstances?limit=1000&offset=${size - 1000}`);
    for (const collection of ['properties', 'documents', 'todos', 'spaces', 'objecttypes']) {
      for (const fraction of [0, 0.5, 0.99]) await read(`${phasePath}/${collection}?limit=500&offset=${Math.floor(fraction * size * 0.1)}`);
    }
    const after = memoryOf(child.pid!);
    times.sort((a, b) => a - b);
    return {
      scenario,
      startedMb: started.rss / MB,
      afterReadsMb: after.rss / MB,
      peakMb: after.peak / MB,
      pages: times.length,
      medianPageMs: times[Math.floor(times.length / 2)]!,
    };
  } finally {
    child.kill('SIGINT');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

const results = [
  await measure('default data (Groot model: 100,000 instances)', [], 100_000),
  await measure('--large-phase 1000000', ['--large-phase', '1000000'], 1_000_000),
];
console.log('Emulator process memory (node --import tsx test/emulator/cli.ts)');
for (const r of results) {
  console.log(
    `  ${r.scenario.padEnd(48)} RSS at start ${r.startedMb.toFixed(1)} MB, after ${r.pages} pages ${r.afterReadsMb.toFixed(1)} MB, ` +
      `peak ${r.peakMb.toFixed(1)} MB; median page ${r.medianPageMs.toFixed(1)} ms`,
  );
}
