// Check Server against both dialects of the emulator: every step runs, and the report says which names and keys
// matched, which pagination headers came back and the largest page granted.
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BimlinkClient } from '../../../src/core/api/client';
import { code, renderReport } from '../../../src/core/check/checkReport';
import { checkServer, type CheckStep } from '../../../src/core/check/serverCheck';
import { ANNA, clientFor, EmulatorTokens, startTestEmulator, type Emulator } from '../api/support/emulatorSession';

const emulators: Partial<Record<'bimlink' | 'aspnet', Emulator>> = {};
afterAll(async () => { await Promise.all(Object.values(emulators).map(e => e.close())); });

async function run(emulator: Emulator, signedIn = true): Promise<CheckStep[]> {
  const tokens = await EmulatorTokens.signIn(emulator, ANNA);
  const anonymous = new BimlinkClient({ baseUrl: emulator.url, fetch: globalThis.fetch, retry: { maxRetries: 0 } });
  return checkServer({
    api: signedIn ? clientFor(emulator, tokens) : undefined,
    anonymousApi: anonymous,
    anonymousAuthority: anonymous,
    authority: emulator.url,
    tokenClaims: async () => decodeJwt(tokens.current),
  }, () => undefined);
}

const step = (steps: CheckStep[], title: string) => {
  const found = steps.find(s => s.title === title);
  if (!found) throw new Error(`no step "${title}" in ${steps.map(s => s.title).join(', ')}`);
  return found;
};

describe.each(['bimlink', 'aspnet'] as const)('Check Server against the %s dialect', dialect => {
  let steps: CheckStep[];
  beforeAll(async () => {
    emulators[dialect] = await startTestEmulator({ dialect });
    steps = await run(emulators[dialect]!);
  });

  it('runs every step, each with its request, outcome and time', () => {
    expect(steps.map(s => s.title)).toEqual([
      'Sign-in server: discovery', 'OpenAPI document', 'Access token', 'Domain accounts', 'Locations → projects → phases',
      'Spatial structure', 'Collection objectinstances', 'Collection objecttypes', 'Collection properties', 'Collection materials',
      'Collection spaces', 'Collection documents', 'Collection todos', 'Largest page (objectinstances)',
    ]);
    for (const s of steps) {
      expect(s.request.length).toBeGreaterThan(3);
      expect(s.ms).toBeGreaterThanOrEqual(0);
    }
    expect(step(steps, 'Sign-in server: discovery')).toMatchObject({ outcome: '200', verdict: 'ok' });
    expect(step(steps, 'Access token').findings.join('\n')).toContain('bimlink_publicapi');
  });

  it('says which keys and names matched', () => {
    const keys = step(steps, 'Locations → projects → phases').findings.join('\n');
    const spatial = step(steps, 'Spatial structure').findings.join('\n');
    const objects = step(steps, 'Collection objectinstances').findings.join('\n');
    if (dialect === 'aspnet') {
      expect(keys).toContain('phases ← ProjectPhases');
      expect(keys).toContain('code ← Code');
      expect(keys).toContain('order ← SortOrder');
      expect(spatial).toContain('type ← ElementType');
      expect(spatial).toContain("a storey's type is sent as 3");
      expect(objects).toContain('names tried: objectinstances → 404, objects → 200');
      expect(step(steps, 'Collection spaces').findings.join('\n')).toContain('names tried: spaces → 404, rooms → 200');
      expect(step(steps, 'OpenAPI document')).toMatchObject({ outcome: '404', verdict: 'warning' });
    } else {
      expect(keys).toContain('phases ← phases');
      expect(keys).toContain('code ← number');
      expect(spatial).toContain('type ← type');
      expect(objects).toContain('source: openapi');
      expect(step(steps, 'OpenAPI document')).toMatchObject({ outcome: '200', verdict: 'ok' });
    }
  });

  it('shows the pagination headers and the largest page the server grants', () => {
    const headers = step(steps, 'Collection objectinstances').findings.join('\n');
    expect(headers).toContain('Pagination-Limit: 1, Pagination-Offset: 0, Pagination-Result: 2500');
    const largest = step(steps, 'Largest page (objectinstances)');
    if (dialect === 'aspnet') {
      expect(largest).toMatchObject({ outcome: '200', verdict: 'ok' });
      expect(largest.findings[0]).toBe('asked 1000, received 250; Pagination-Limit: 250');
    } else {
      expect(largest).toMatchObject({ outcome: '200' });
      expect(largest.findings[0]).toBe('asked 1000, received 1000; Pagination-Limit: 1000');
    }
  });

  it('renders a report in which server text is never markup', () => {
    const report = renderReport({ apiUrl: 'http://x', authority: 'http://x', account: 'Anna', when: new Date(0) }, steps);
    expect(report).toContain('# BIMlink server check');
    expect(report).toContain('| `Domain accounts` | ok | `200` |');
    expect(code('[click](command:evil)`\n![img](http://x)')).toBe("`[click](command:evil)' ![img](http://x)`");
  });
});

it('signed out, runs only what needs no sign-in and says how to check the rest', async () => {
  const emulator = emulators.bimlink ?? await startTestEmulator();
  emulators.bimlink = emulator;
  const steps = await run(emulator, false);
  expect(steps.map(s => [s.title, s.verdict])).toEqual([['Sign-in server: discovery', 'ok'], ['OpenAPI document', 'ok'], ['API', 'skipped']]);
});
