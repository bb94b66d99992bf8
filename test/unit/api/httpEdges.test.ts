// Responses the emulator cannot produce: an HTML page with 200, empty and oversized bodies, connection errors
// (undici MockAgent), and a body cut off mid-stream (a raw node:http server on loopback).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetch as undiciFetch, MockAgent } from 'undici';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BimlinkClient } from '../../../src/core/api/client';
import { HttpClient } from '../../../src/core/api/http';
import type { Fetch } from '../../../src/core/fetch';
import { staticTokenSource } from '../../../src/core/api/tokenSource';

const ORIGIN = 'http://bimlink.test';
const TOKEN = 'secret-token-value';
const fastRetry = { baseDelayMs: 1, maxDelayMs: 5 };

describe('responses only a mock can give', () => {
  let agent: MockAgent;
  let fetchFn: Fetch;

  beforeEach(() => {
    agent = new MockAgent();
    agent.disableNetConnect();
    fetchFn = (url, init) => undiciFetch(url, { ...(init as object), dispatcher: agent }) as unknown as Promise<Response>;
  });
  afterEach(() => agent.close());

  const client = (extra: object = {}) =>
    new BimlinkClient({ baseUrl: ORIGIN, fetch: fetchFn, tokens: staticTokenSource(TOKEN), retry: fastRetry, ...extra });

  it('an HTML page with status 200 is a malformed response, not a crash', async () => {
    agent.get(ORIGIN).intercept({ path: '/domainaccounts' })
      .reply(200, '<!DOCTYPE html><html><body>Sign in to the proxy</body></html>', { headers: { 'content-type': 'text/html' } });
    const error = await client().getDomainAccounts().catch(e => e);
    expect(error.kind).toBe('malformed-response');
    expect(error.message).toMatch(/HTML page/);
    expect(error.message).toContain('GET /domainaccounts');
    expect(error.message).not.toContain(TOKEN);
  });

  it('an empty 200 body where JSON was expected is a malformed response', async () => {
    agent.get(ORIGIN).intercept({ path: '/domainaccounts' }).reply(200, '', { headers: { 'content-type': 'application/json' } });
    const error = await client().getDomainAccounts().catch(e => e);
    expect(error.kind).toBe('malformed-response');
    expect(error.problem).toMatch(/empty/);
  });

  it('a JSON object where a list was expected is a malformed response', async () => {
    agent.get(ORIGIN).intercept({ path: '/domainaccounts' }).reply(200, { items: [] });
    const error = await client().getDomainAccounts().catch(e => e);
    expect(error.kind).toBe('malformed-response');
    expect(error.problem).toMatch(/list/);
  });

  it('a body over the size cap is refused', async () => {
    const big = JSON.stringify(Array.from({ length: 5000 }, (_, i) => ({ id: `id-${i}`, name: 'x'.repeat(50) })));
    agent.get(ORIGIN).intercept({ path: '/domainaccounts' }).reply(200, big, { headers: { 'content-type': 'application/json' } });
    const error = await client({ maxBodyBytes: 64 * 1024 }).getDomainAccounts().catch(e => e);
    expect(error.kind).toBe('malformed-response');
    expect(error.problem).toMatch(/larger than 64 KB/);
  });

  it('an HTML 502 from a gateway is a server error after bounded retries', async () => {
    agent.get(ORIGIN).intercept({ path: '/domainaccounts' }).reply(502, '<html>Bad Gateway</html>', { headers: { 'content-type': 'text/html' } }).times(3);
    const error = await client({ retry: { ...fastRetry, maxRetries: 2 } }).getDomainAccounts().catch(e => e);
    expect(error.kind).toBe('server');
    expect(error.status).toBe(502);
    expect(error.message).toContain('3 attempts');
  });

  it('connection errors are retried for GET, then reported as a network error', async () => {
    const pool = agent.get(ORIGIN);
    pool.intercept({ path: '/domainaccounts' }).replyWithError(Object.assign(new Error('connect ECONNRESET'), { code: 'ECONNRESET' }));
    pool.intercept({ path: '/domainaccounts' }).reply(200, [{ id: 1, name: 'Demo Vastgoed BV' }]);
    const events: string[] = [];
    expect(await client({ onEvent: (e: { type: string }) => events.push(e.type) }).getDomainAccounts()).toMatchObject([{ id: '1', name: 'Demo Vastgoed BV' }]);
    expect(events).toEqual(['retry']);

    pool.intercept({ path: '/domainaccounts' }).replyWithError(new Error('socket hang up')).times(3);
    const error = await client({ retry: { ...fastRetry, maxRetries: 2 } }).getDomainAccounts().catch(e => e);
    expect(error.kind).toBe('network');
    expect(error.message).not.toContain(TOKEN);
  });

  it('a POST is not repeated after a connection error or a 5xx (its effect is unknown)', async () => {
    const pool = agent.get(ORIGIN);
    pool.intercept({ path: '/x', method: 'POST' }).reply(503, '');
    const http = new HttpClient({ baseUrl: ORIGIN, fetch: fetchFn, tokens: staticTokenSource(TOKEN), retry: fastRetry });
    const error = await http.send({ method: 'POST', path: '/x', json: { title: 'Brandklep controleren' } }).catch(e => e);
    expect(error.kind).toBe('server');
    expect(error.message).toContain('POST /x');
    expect(error.message).not.toContain('attempts');
  });

  it('sends the bearer token and accepts JSON', async () => {
    agent.get(ORIGIN).intercept({
      path: '/domainaccounts',
      headers: { authorization: `Bearer ${TOKEN}`, accept: 'application/json' },
    }).reply(200, []);
    expect(await client().getDomainAccounts()).toEqual([]);
  });
});

describe('a body cut off mid-stream', () => {
  let server: Server;
  let baseUrl: string;
  let requests = 0;
  let cutOff = 0; // how many of the next requests are cut off

  beforeAll(async () => {
    server = createServer((_req, res) => {
      requests++;
      res.writeHead(200, { 'content-type': 'application/json' });
      if (cutOff > 0) {
        cutOff--;
        res.write('[{"id":"a","name":"Demo');
        setTimeout(() => res.socket?.destroy(), 5);
      } else {
        res.end('[{"id":"a","name":"Demo Vastgoed BV"}]');
      }
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>(resolve => server.close(() => resolve())));

  const client = () => new BimlinkClient({ baseUrl, fetch: undiciFetch as unknown as Fetch, tokens: staticTokenSource(TOKEN), retry: { ...fastRetry, maxRetries: 2 } });

  it('is retried like a network error and then succeeds', async () => {
    requests = 0;
    cutOff = 1;
    expect(await client().getDomainAccounts()).toMatchObject([{ id: 'a', name: 'Demo Vastgoed BV' }]);
    expect(requests).toBe(2);
  });

  it('gives a network error when it keeps happening', async () => {
    requests = 0;
    cutOff = 3;
    const error = await client().getDomainAccounts().catch(e => e);
    expect(error.kind).toBe('network');
    expect(requests).toBe(3);
  });
});

describe('a redirect from the API', () => {
  const seen: { url: string; authorization?: string }[] = [];
  const servers: Server[] = [];
  const listen = async (handler: Parameters<typeof createServer>[1]): Promise<string> => {
    const server = createServer(handler);
    servers.push(server);
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };
  afterAll(async () => { for (const server of servers) await new Promise(resolve => server.close(resolve)); });

  it('is an error that names only the other origin, and the token never goes there', async () => {
    const elsewhere = await listen((req, res) => { seen.push({ url: req.url ?? '', authorization: req.headers.authorization }); res.end('[]'); });
    for (const status of [301, 302, 307, 308]) {
      const api = await listen((_req, res) => { res.writeHead(status, { location: `${elsewhere}/steal?x=1` }); res.end(); });
      const client = new BimlinkClient({ baseUrl: api, fetch: undiciFetch as unknown as Fetch, tokens: staticTokenSource(TOKEN), retry: fastRetry });
      const error = await client.getDomainAccounts().catch(e => e as Error);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toContain(`the server redirected to ${elsewhere}, and requests that carry your sign-in do not follow redirects`);
      expect((error as Error).message).not.toContain('steal');
    }
    expect(seen).toEqual([]);
  });
});
