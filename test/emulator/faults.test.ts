// Faults on demand, set through /__admin (as a test of a running emulator would) or in-process.

import { decodeJwt } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FAULTS, startEmulator, type Emulator, type Faults, type StatsSnapshot } from './index';
import { apiGet, paginationOf } from './testing/http';
import { TokenEndpointError, refreshTokens, signInWithPassword } from './testing/signIn';

let emulator: Emulator;
let token: string;
let pagePath: string;

beforeAll(async () => {
  emulator = await startEmulator({ seed: 42 });
  token = (await signInWithPassword(emulator, 'anna@demo-bimlink.nl')).accessToken;
  pagePath = `/domainaccounts/${emulator.ids.demoVastgoed}/projectphases/${emulator.ids.gebouwBDefinitiefOntwerp}/objectinstances?limit=50&offset=100`;
});
afterAll(() => emulator.close());
afterEach(async () => {
  expect((await admin('POST', '/reset')).status).toBe(200);
});

async function admin(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${emulator.url}/__admin${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
const setFaults = async (patch: Partial<Faults>): Promise<Faults> => {
  const response = await admin('PUT', '/faults', patch);
  expect(response.status).toBe(200);
  return (await response.json()) as Faults;
};
const stats = async (): Promise<StatsSnapshot> => (await (await admin('GET', '/stats')).json()) as StatsSnapshot;
const getPage = () => apiGet(emulator, pagePath, token);

describe('admin endpoints', () => {
  it('reads, changes (partially), validates and resets the faults', async () => {
    expect(await (await admin('GET', '/faults')).json()).toEqual(DEFAULT_FAULTS);
    expect(await setFaults({ latencyMs: 5 })).toEqual({ ...DEFAULT_FAULTS, latencyMs: 5 });
    expect(await setFaults({ errorRate: 0.25 })).toMatchObject({ latencyMs: 5, errorRate: 0.25 });
    for (const bad of [{ errorRate: 2 }, { paginationHeaders: 'sometimes' }, { latencyMs: -1 }, { nonsense: 1 }, { hostileNames: 'yes' }]) {
      const response = await admin('PUT', '/faults', bad);
      expect(response.status, JSON.stringify(bad)).toBe(400);
      expect(((await response.json()) as { error: string }).error).toBeTruthy();
    }
    expect(await (await admin('POST', '/reset')).json()).toEqual(DEFAULT_FAULTS);
  });

  it('counts requests and injected faults', async () => {
    const before = await stats();
    await getPage();
    await setFaults({ rateLimitRate: 1 });
    await getPage();
    const after = await stats();
    expect(after.requests.api - before.requests.api).toBe(2);
    expect(after.faults.rateLimited - before.faults.rateLimited).toBe(1);
    expect((after.responses['429'] ?? 0) - (before.responses['429'] ?? 0)).toBe(1);
  });

  it('describes the emulator at /__admin', async () => {
    const info = (await (await admin('GET', '')).json()) as { url: string; users: { email: string }[] };
    expect(info.url).toBe(emulator.url);
    expect(info.users.map((u) => u.email)).toContain('bram@demo-bimlink.nl');
  });
});

describe('faults on the API', () => {
  it('adds latency to API responses, not to admin ones', async () => {
    await setFaults({ latencyMs: 300 });
    let start = performance.now();
    expect((await getPage()).status).toBe(200);
    expect(performance.now() - start).toBeGreaterThanOrEqual(295);
    start = performance.now();
    await admin('GET', '/faults');
    expect(performance.now() - start).toBeLessThan(250);
  });

  it('answers 500, 502 or 503 at errorRate 1', async () => {
    await setFaults({ errorRate: 1 });
    const statuses = new Set<number>();
    for (let i = 0; i < 20; i++) {
      const { status, headers } = await getPage();
      expect([500, 502, 503]).toContain(status);
      if (status === 503) expect(headers.get('retry-after')).toBe('1');
      statuses.add(status);
    }
    expect(statuses.size).toBeGreaterThan(1);
    expect((await stats()).faults.serverError).toBe(20);
  });

  it('answers 429 with Retry-After at rateLimitRate 1', async () => {
    await setFaults({ rateLimitRate: 1, retryAfterSeconds: 7 });
    const { status, headers } = await getPage();
    expect(status).toBe(429);
    expect(headers.get('retry-after')).toBe('7');
  });

  it('fails about the given share of requests, reproducibly for the same seed', async () => {
    const run = async (): Promise<number[]> => {
      await admin('POST', '/reset');
      await setFaults({ errorRate: 0.5 });
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++) statuses.push((await getPage()).status);
      return statuses;
    };
    const first = await run();
    const failures = first.filter((s) => s !== 200).length;
    expect(failures).toBeGreaterThan(5);
    expect(failures).toBeLessThan(25);
    expect(await run()).toEqual(first);
  });

  it('cuts JSON bodies short at malformedJsonRate 1 (still 200, still application/json)', async () => {
    await setFaults({ malformedJsonRate: 1 });
    const { status, headers, text } = await getPage();
    expect(status).toBe(200);
    expect(headers.get('content-type')).toContain('application/json');
    expect(text.startsWith('[{')).toBe(true);
    expect(() => JSON.parse(text)).toThrow();
    expect((await stats()).faults.malformedJson).toBe(1);
  });

  it('leaves out the pagination headers in "missing" mode', async () => {
    await setFaults({ paginationHeaders: 'missing' });
    const { status, headers, body } = await getPage();
    expect(status).toBe(200);
    expect(body).toHaveLength(50);
    for (const name of ['Pagination-Limit', 'Pagination-Offset', 'Pagination-Result']) expect(headers.has(name)).toBe(false);
  });

  it('sends wrong offset and total in "lying" mode', async () => {
    const truth = paginationOf((await getPage()).headers);
    await setFaults({ paginationHeaders: 'lying' });
    const { body, headers } = await getPage();
    const lie = paginationOf(headers);
    expect(body).toHaveLength(50);
    expect(lie.total).toBeGreaterThan(truth.total);
    expect(lie.offset).not.toBe(truth.offset);
  });

  it('sends storey names as Markdown command links with hostileNames, in both dialects, and the same data otherwise', async () => {
    const spatial = `/domainaccounts/${emulator.ids.demoVastgoed}/projectphases/${emulator.ids.gebouwBDefinitiefOntwerp}/spatialstructureelements?limit=500`;
    type Element = Record<string, unknown>;
    const plain = (await apiGet<Element[]>(emulator, spatial, token)).body;
    const plainPage = (await getPage()).body;
    await setFaults({ hostileNames: true });
    const hostile = (await apiGet<Element[]>(emulator, spatial, token)).body;
    expect(hostile.filter((e) => e['type'] === 'Storey').map((e) => e['name'])).toContain('[00 Begane grond](command:workbench.action.openSettings)');
    expect(hostile).toEqual(plain.map((e) => (e['type'] === 'Storey' ? { ...e, name: `[${String(e['name'])}](command:workbench.action.openSettings)` } : e)));
    expect((await getPage()).body).toEqual(plainPage); // entities as they were
    expect((await stats()).faults.hostileNames).toBe(1); // spatial structure responses changed
    expect((await (await admin('POST', '/reset')).json()) as Faults).toMatchObject({ hostileNames: false });
    expect((await apiGet<Element[]>(emulator, spatial, token)).body).toEqual(plain);

    const aspnet = await startEmulator({ dialect: 'aspnet' });
    try {
      const aspToken = (await signInWithPassword(aspnet, 'anna@demo-bimlink.nl')).accessToken;
      aspnet.faults.set({ hostileNames: true });
      const elements = (await apiGet<Element[]>(aspnet, spatial, aspToken)).body;
      const names = elements.filter((e) => e['ElementType'] === 3).map((e) => e['Name']);
      expect(names).toContain('[00 Begane grond](command:workbench.action.openSettings)');
      expect(elements.filter((e) => e['ElementType'] !== 3).every((e) => !String(e['Name']).includes('](command:'))).toBe(true);
    } finally {
      await aspnet.close();
    }
  });

  it('sends storey names with the tab titles\' separator with separatedNames, and the same data otherwise', async () => {
    const spatial = `/domainaccounts/${emulator.ids.demoVastgoed}/projectphases/${emulator.ids.gebouwBDefinitiefOntwerp}/spatialstructureelements?limit=500`;
    type Element = Record<string, unknown>;
    const plain = (await apiGet<Element[]>(emulator, spatial, token)).body;
    await setFaults({ separatedNames: true });
    const separated = (await apiGet<Element[]>(emulator, spatial, token)).body;
    expect(separated.filter((e) => e['type'] === 'Storey').map((e) => e['name'])).toContain('00 · Begane grond');
    expect(separated).toEqual(plain.map((e) => (e['type'] === 'Storey' ? { ...e, name: String(e['name']).replace(' ', ' · ') } : e)));
    expect((await stats()).faults.separatedNames).toBe(1);
    expect((await (await admin('POST', '/reset')).json()) as Faults).toMatchObject({ separatedNames: false });
  });

  it('is controlled in-process the same way', async () => {
    emulator.faults.set({ rateLimitRate: 1 });
    expect((await (await admin('GET', '/faults')).json()) as Faults).toMatchObject({ rateLimitRate: 1 });
    expect((await getPage()).status).toBe(429);
    emulator.faults.reset();
    expect((await getPage()).status).toBe(200);
  });
});

describe('faults on tokens', () => {
  it('shortens the access token lifetime', async () => {
    await setFaults({ accessTokenLifetimeSeconds: 90 });
    const tokens = await signInWithPassword(emulator, 'bram@demo-bimlink.nl');
    expect(tokens.expiresIn).toBe(90);
    const { exp, iat } = decodeJwt(tokens.accessToken);
    expect(exp! - iat!).toBe(90);
    const refreshed = await refreshTokens(emulator, tokens.refreshToken!);
    expect(refreshed.expiresIn).toBe(90);
  });

  it('revokes all refresh tokens of a user: the next refresh gets invalid_grant', async () => {
    const bram1 = await signInWithPassword(emulator, 'bram@demo-bimlink.nl');
    const bram2 = await signInWithPassword(emulator, 'bram@demo-bimlink.nl');
    const anna = await signInWithPassword(emulator, 'anna@demo-bimlink.nl');
    const response = await admin('POST', '/users/bram@demo-bimlink.nl/revoke-refresh-tokens');
    expect(response.status).toBe(200);
    expect(((await response.json()) as { refreshTokens: number }).refreshTokens).toBeGreaterThanOrEqual(2);
    for (const tokens of [bram1, bram2]) {
      const error = await refreshTokens(emulator, tokens.refreshToken!).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TokenEndpointError);
      expect((error as TokenEndpointError).error).toBe('invalid_grant');
    }
    // Other users keep theirs; the revoked user can sign in again.
    expect((await refreshTokens(emulator, anna.refreshToken!)).refreshToken).toBeTruthy();
    expect((await signInWithPassword(emulator, 'bram@demo-bimlink.nl')).refreshToken).toBeTruthy();
    expect((await admin('POST', '/users/nobody@example.com/revoke-refresh-tokens')).status).toBe(404);
  });

  it('fails the token endpoint only when tokenEndpoint is on', async () => {
    const tokens = await signInWithPassword(emulator, 'anna@demo-bimlink.nl');
    await setFaults({ errorRate: 1 });
    const fresh = await refreshTokens(emulator, tokens.refreshToken!);
    await setFaults({ tokenEndpoint: true });
    const error = await refreshTokens(emulator, fresh.refreshToken!).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenEndpointError);
    expect([500, 502, 503]).toContain((error as TokenEndpointError).status);
    // The failed request never reached oidc-provider: the refresh token is still good.
    await setFaults({ errorRate: 0, latencyMs: 200 });
    const start = performance.now();
    expect((await refreshTokens(emulator, fresh.refreshToken!)).accessToken).toBeTruthy();
    expect(performance.now() - start).toBeGreaterThanOrEqual(195);
  });
});
