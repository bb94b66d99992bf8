// Security review, item 9: a hung or flooding sign-in server cannot stall or swell the extension. Every request
// ends after its timeout (injected short here; 30 s in the extension) and reads at most 1 MiB of answer.
import { afterEach, describe, expect, it } from 'vitest';
import { AuthServerUnavailableError } from '../../../src/core/auth/authErrors';
import { defaultAuthLimits, type AuthLimits } from '../../../src/core/auth/authLimits';
import { defaultEndpoints, discoverEndpoints } from '../../../src/core/auth/discovery';
import { verifyIdToken } from '../../../src/core/auth/idToken';
import { exchangeCode, refreshTokens, revokeRefreshToken } from '../../../src/core/auth/tokenClient';
import { startStubAuthServer, type StubAuthServer } from './support/stubAuthServer';

const client = { clientId: 'bimlink-explorer' };
const short: AuthLimits = { timeoutMs: 50 };

/** Each sign-in request, sent to the server at `url` with `limits`. */
const requests: [string, RegExp, (url: string, limits: AuthLimits, signal?: AbortSignal) => Promise<unknown>][] = [
  ['discovery', /^Reading the sign-in configuration failed/, (url, limits, signal) => discoverEndpoints(fetch, url, signal, limits)],
  ['the key set', /^Reading the sign-in keys failed/, (url, limits, signal) =>
    verifyIdToken(fetch, defaultEndpoints(url), 'a.b.c', { clientId: client.clientId, nonce: 'n' }, signal, limits)],
  ['the code exchange', /^Signing in failed/, (url, limits, signal) => exchangeCode(fetch, defaultEndpoints(url), client,
    { code: 'c', redirectUri: 'http://127.0.0.1:33418/callback', codeVerifier: 'v'.repeat(43) }, signal, undefined, limits)],
  ['the refresh', /^Renewing the BIMlink session failed/, (url, limits, signal) =>
    refreshTokens(fetch, defaultEndpoints(url), client, 'r', signal, undefined, limits)],
  ['the revocation', /^Revoking the BIMlink session failed/, (url, limits, signal) =>
    revokeRefreshToken(fetch, defaultEndpoints(url), client, 'r', signal, limits)],
];

let server: StubAuthServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function failure(request: Promise<unknown>): Promise<AuthServerUnavailableError> {
  const error = await request.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AuthServerUnavailableError);
  return error as AuthServerUnavailableError;
}

describe('every sign-in request has a timeout', () => {
  it.each(requests)('%s gives up on a server that never answers, and says so', async (_, what, send) => {
    server = await startStubAuthServer(() => { /* never answers */ });
    const started = Date.now();
    const error = await failure(send(server.url, short));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(error.kind).toBe('timeout');
    expect(error.message).toMatch(what);
    expect(error.message).toContain(`the BIMlink sign-in server at ${server.url} did not answer within 50 ms.`);
  }, 5000);

  it('covers the answer too: headers sent, then the body stalls', async () => {
    server = await startStubAuthServer((_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"access_token":'); // and nothing more
    });
    const error = await failure(requests[3]![2](server.url, short));
    expect(error.kind).toBe('timeout');
    expect(error.message).toContain('did not answer within 50 ms');
  }, 5000);

  it('leaves a cancel by the caller a cancel, not a timeout', async () => {
    server = await startStubAuthServer(() => { /* never answers */ });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const error = await requests[3]![2](server.url, { timeoutMs: 5000 }, controller.signal).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(AuthServerUnavailableError);
    expect((error as Error).name).toBe('AbortError');
  }, 5000);

  it('is 30 s, and answers may hold 1 MiB, unless told otherwise', () => {
    expect(defaultAuthLimits).toEqual({ timeoutMs: 30_000, maxBytes: 1024 * 1024 });
  });
});

describe('every sign-in answer is at most 1 MiB', () => {
  /** 2 MiB of valid JSON, streamed without a declared length. */
  const flood = (_: unknown, response: import('node:http').ServerResponse) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.write('{"access_token":"t","keys":[],"padding":"');
    const chunk = 'x'.repeat(64 * 1024);
    for (let i = 0; i < 32; i++) response.write(chunk);
    response.end('"}');
  };

  it.each(requests)('%s refuses a 2 MiB answer and names the limit', async (_, what, send) => {
    server = await startStubAuthServer(flood);
    const error = await failure(send(server.url, {}));
    expect(error.kind).toBe('too-large');
    expect(error.message).toMatch(what);
    expect(error.message).toContain(`the BIMlink sign-in server at ${server.url} sent more than 1 MiB`);
  });

  it('refuses a declared length over the limit before reading it', async () => {
    server = await startStubAuthServer((_, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(2 * 1024 * 1024) });
      response.write('{"access_token":"t"'); // a body the length promises but never sends
    });
    const error = await failure(requests[3]![2](server.url, { timeoutMs: 2000 }));
    expect(error.kind).toBe('too-large');
  }, 5000);

  it('takes an answer of exactly the limit, and not one byte more', async () => {
    const answer = JSON.stringify({ access_token: 't', expires_in: 60, padding: '' });
    const body = JSON.stringify({ access_token: 't', expires_in: 60, padding: 'x'.repeat(1000 - answer.length) });
    server = await startStubAuthServer((_, response) => response.end(body));
    await expect(refreshTokens(fetch, defaultEndpoints(server.url), client, 'r', undefined, undefined, { maxBytes: 1000 }))
      .resolves.toMatchObject({ accessToken: 't' });
    expect((await failure(refreshTokens(fetch, defaultEndpoints(server.url), client, 'r', undefined, undefined, { maxBytes: 999 }))).message)
      .toContain('sent more than 999 bytes');
  });
});
