// The client under each of the emulator's fault modes, over HTTP: latency (timeout, cancellation), 5xx,
// 429 + Retry-After, expired and revoked tokens, malformed bodies, missing and lying pagination headers.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HttpEvent } from '../../../src/core/api/http';
import { ANNA, clientFor, EmulatorTokens, startTestEmulator, type Emulator } from './support/emulatorSession';

let emulator: Emulator;
let tokens: EmulatorTokens;

beforeAll(async () => {
  emulator = await startTestEmulator();
  tokens = await EmulatorTokens.signIn(emulator, ANNA);
});
afterEach(() => emulator.reset());
afterAll(() => emulator?.close());

const instances = () => ({ domainAccountId: emulator.ids.demoVastgoed, projectPhaseId: emulator.ids.gebouwBDefinitiefOntwerp, collection: 'objectinstances' });
const apiCalls = () => emulator.stats().requests.api;
const status = (code: number) => emulator.stats().responses[code] ?? 0;

describe('latency', () => {
  it('a slow answer ends in a timeout error', async () => {
    emulator.faults.set({ latencyMs: 1500 });
    const started = Date.now();
    const error = await clientFor(emulator, tokens, { timeoutMs: 150 }).getDomainAccounts().catch(e => e);
    expect(error.kind).toBe('timeout');
    expect(error.message).toContain('GET /domainaccounts');
    expect(error.message).toContain('150 ms');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('an abort stops a slow request promptly', async () => {
    emulator.faults.set({ latencyMs: 3000 });
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 50);
    const error = await clientFor(emulator, tokens).getDomainAccounts({ signal: controller.signal }).catch(e => e);
    expect(error.kind).toBe('cancelled');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('an abort also ends a back-off sleep, and a paginated read', async () => {
    emulator.faults.set({ errorRate: 1, retryAfterSeconds: 0 });
    const slowRetry = clientFor(emulator, tokens, { retry: { baseDelayMs: 10_000, maxDelayMs: 10_000 } });
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 100);
    const error = await (async () => {
      for await (const page of slowRetry.entityPages(instances(), { signal: controller.signal })) void page;
    })().catch(e => e);
    expect(error.kind).toBe('cancelled');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(apiCalls()).toBe(1); // it was sleeping, not hammering
  });

  it('keeps at most maxConcurrent requests in flight', async () => {
    emulator.faults.set({ latencyMs: 40 });
    const client = clientFor(emulator, tokens, { maxConcurrent: 2 });
    let most = 0;
    const sampler = setInterval(() => (most = Math.max(most, client.inFlight)), 2);
    const started = Date.now();
    await Promise.all(Array.from({ length: 8 }, () => client.getDomainAccounts()));
    clearInterval(sampler);
    expect(most).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(4 * 40 - 10); // 8 requests, 2 at a time
  });
});

describe('5xx', () => {
  it('retries with back-off and then succeeds', async () => {
    emulator.faults.set({ errorRate: 1, retryAfterSeconds: 0 });
    const events: HttpEvent[] = [];
    const client = clientFor(emulator, tokens, {
      onEvent: e => {
        events.push(e);
        if (events.length === 2) emulator.faults.set({ errorRate: 0 }); // the server recovers
      },
    });
    expect((await client.getDomainAccounts()).length).toBe(2);
    expect(events.map(e => e.type === 'retry' && e.reason)).toEqual(['server', 'server']);
    expect(apiCalls()).toBe(3);
    expect(status(200)).toBe(1);
  });

  it('gives up after the bounded number of retries with a server error', async () => {
    emulator.faults.set({ errorRate: 1, retryAfterSeconds: 0 });
    const error = await clientFor(emulator, tokens, { retry: { baseDelayMs: 2, maxDelayMs: 10, maxRetries: 2 } }).getDomainAccounts().catch(e => e);
    expect(error.kind).toBe('server');
    expect([500, 502, 503]).toContain(error.status);
    expect(error.message).toContain('3 attempts');
    expect(apiCalls()).toBe(3);
  });
});

describe('429', () => {
  it('waits as long as Retry-After says, then succeeds', async () => {
    emulator.faults.set({ rateLimitRate: 1, retryAfterSeconds: 1 });
    const events: HttpEvent[] = [];
    const client = clientFor(emulator, tokens, {
      onEvent: e => {
        events.push(e);
        emulator.faults.set({ rateLimitRate: 0 });
      },
    });
    const started = Date.now();
    expect((await client.getDomainAccounts()).length).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(events).toEqual([expect.objectContaining({ type: 'retry', reason: 'rate-limited', status: 429, delayMs: 1000 })]);
    expect(status(429)).toBe(1);
  });

  it('fails at once, saying how long to wait, when Retry-After is beyond the cap', async () => {
    emulator.faults.set({ rateLimitRate: 1, retryAfterSeconds: 600 });
    const started = Date.now();
    const error = await clientFor(emulator, tokens).getDomainAccounts().catch(e => e);
    expect(error.kind).toBe('rate-limited');
    expect(error.retryAfterMs).toBe(600_000);
    expect(error.message).toContain('10 min');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(apiCalls()).toBe(1);
  });

  it('gives up after the bounded number of 429 retries', async () => {
    emulator.faults.set({ rateLimitRate: 1, retryAfterSeconds: 0 });
    const error = await clientFor(emulator, tokens, { retry: { maxRateLimitRetries: 2 } }).getDomainAccounts().catch(e => e);
    expect(error.kind).toBe('rate-limited');
    expect(apiCalls()).toBe(3);
  });
});

describe('tokens', () => {
  it('an expired access token causes ONE refresh shared by concurrent callers', async () => {
    emulator.faults.set({ accessTokenLifetimeSeconds: 1 });
    const shortLived = await EmulatorTokens.signIn(emulator, ANNA);
    emulator.faults.set({ accessTokenLifetimeSeconds: 3600 });
    await new Promise(r => setTimeout(r, 2100)); // exp has second resolution; the emulator allows no skew
    const expired = shortLived.current;
    const tokenCallsBefore = emulator.stats().requests.token;
    const client = clientFor(emulator, shortLived);
    const results = await Promise.all([
      client.getDomainAccounts(),
      client.getLocations(emulator.ids.demoVastgoed),
      ...Array.from({ length: 6 }, () => client.getEntityPage(instances(), { offset: 0, limit: 10 })),
    ]);
    expect(results.every(Boolean)).toBe(true);
    expect(shortLived.refreshes).toBe(1);
    expect(emulator.stats().requests.token - tokenCallsBefore).toBe(1);
    expect(shortLived.current).not.toBe(expired);
    expect(status(401)).toBe(8);
  });

  it('a revoked refresh token surfaces as an unauthorized error, after one refresh request', async () => {
    emulator.faults.set({ accessTokenLifetimeSeconds: 1 });
    const doomed = await EmulatorTokens.signIn(emulator, ANNA);
    const revoke = await fetch(`${emulator.url}/__admin/users/${encodeURIComponent(ANNA)}/revoke-refresh-tokens`, { method: 'POST' });
    expect(revoke.status).toBe(200);
    await new Promise(r => setTimeout(r, 2100));
    const tokenCallsBefore = emulator.stats().requests.token;
    const client = clientFor(emulator, doomed);
    const errors = await Promise.all([client.getDomainAccounts().catch(e => e), client.getDomainAccounts().catch(e => e)]);
    for (const error of errors) {
      expect(error.kind).toBe('unauthorized');
      expect(error.reason).toMatch(/expired/);
      expect(error.reason).toMatch(/renewing the session failed/);
      expect(error.message).toMatch(/Sign in again/);
      expect(error.message).not.toContain(doomed.current);
    }
    // The second 401 may arrive after the refresh has already failed; the source, signed out by then, does not
    // send the refused refresh token again.
    expect(emulator.stats().requests.token - tokenCallsBefore).toBe(1);
    // a new sign-in works again; the tests after this one use it (with a normal lifetime)
    emulator.faults.set({ accessTokenLifetimeSeconds: 3600 });
    tokens = await EmulatorTokens.signIn(emulator, ANNA);
  });
});

describe('malformed bodies', () => {
  it('a cut-off JSON body is a malformed-response error naming the request', async () => {
    emulator.faults.set({ malformedJsonRate: 1 });
    const error = await clientFor(emulator, tokens).getEntityPage(instances(), { offset: 0, limit: 50 }).catch(e => e);
    expect(error.kind).toBe('malformed-response');
    expect(error.problem).toMatch(/not valid JSON/);
    expect(error.message).toContain('/objectinstances');
    expect(emulator.stats().faults.malformedJson).toBe(1);
  });
});

describe('pagination headers', () => {
  const readAll = async (limit: number, prefetch?: number) => {
    const ids: string[] = [];
    const totals: Array<number | undefined> = [];
    for await (const page of clientFor(emulator, tokens).entityPages(instances(), { limit, prefetch })) {
      ids.push(...page.items.map(e => e.id as string));
      totals.push(page.total);
    }
    return { ids, totals };
  };

  it('ok: prefetches within the total and asks nothing past it', async () => {
    const { ids } = await readAll(300, 4);
    expect(new Set(ids).size).toBe(2500);
    expect(ids.length).toBe(2500);
    expect(apiCalls()).toBe(9);
  });

  it('missing: reads everything sequentially and stops on the short page', async () => {
    emulator.faults.set({ paginationHeaders: 'missing' });
    const { ids, totals } = await readAll(1000);
    expect(ids.length).toBe(2500);
    expect(new Set(ids).size).toBe(2500);
    expect(totals).toEqual([undefined, undefined, 2500]);
    expect(apiCalls()).toBe(3);
  });

  it('lying: reads everything once, never trusts the lie, and stops', async () => {
    emulator.faults.set({ paginationHeaders: 'lying' });
    const { ids, totals } = await readAll(1000);
    expect(ids.length).toBe(2500);
    expect(new Set(ids).size).toBe(2500);
    expect(totals.at(-1)).toBe(2500);
    expect(apiCalls()).toBe(3);
    expect(emulator.stats().faults.paginationHeaders).toBe(3);
  });

  it('lying, on a collection that ends on a page boundary: one confirming request, no loop', async () => {
    emulator.faults.set({ paginationHeaders: 'lying' });
    const { ids } = await readAll(500);
    expect(ids.length).toBe(2500);
    expect(apiCalls()).toBe(6);
  });
});
