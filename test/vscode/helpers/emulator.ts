// The local BIMlink emulator that the runner started for these tests, and its admin endpoints.
import type { DialectName } from '../../emulator/dialects';
import { spellingOf, type Spelling } from '../../emulator/testing/spelling';
export function emulatorUrl(): string {
  const url = process.env.BIMLINK_EMULATOR_URL;
  if (!url) throw new Error('BIMLINK_EMULATOR_URL is not set: run the suites through test/vscode/harness/run.ts.');
  return url;
}

export const anna = { email: 'anna@demo-bimlink.nl', password: 'anna-demo' };
export const bram = { email: 'bram@demo-bimlink.nl', password: 'bram-demo' };
export const publicClientId = 'bimlink-explorer';

export async function admin<T = unknown>(method: 'GET' | 'PUT' | 'POST', path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${emulatorUrl()}/__admin${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`emulator admin ${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json() as Promise<T>;
}

export const setFaults = (faults: Record<string, unknown>) => admin('PUT', '/faults', faults);
export const resetEmulator = () => admin('POST', '/reset');

/** API requests the emulator has served since its last reset (how tests see what a click cost). */
export const apiRequestCount = async (): Promise<number> => (await admin<{ requests: { api: number } }>('GET', '/stats')).requests.api;

/** The API dialect the runner started the emulator with (run.ts --dialect). */
export function emulatorDialect(): DialectName {
  const dialect = process.env.BIMLINK_EMULATOR_DIALECT ?? 'bimlink';
  if (dialect !== 'bimlink' && dialect !== 'aspnet') throw new Error(`BIMLINK_EMULATOR_DIALECT ${dialect} is not a dialect`);
  return dialect;
}

/** How that dialect spells collections and keys, for tests that read the API's answers themselves. */
export const spelling = (): Spelling => spellingOf(emulatorDialect());
