// Security review, item 3: no request that carries a code, token or secret follows a redirect. The sign-in server
// answers every request with a 307 to another origin, which records anything that reaches it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuthServerUnavailableError } from '../../../src/core/auth/authErrors';
import { defaultEndpoints, discoverEndpoints, type AuthEndpoints } from '../../../src/core/auth/discovery';
import { verifyIdToken } from '../../../src/core/auth/idToken';
import { exchangeCode, refreshTokens, revokeRefreshToken } from '../../../src/core/auth/tokenClient';
import { startStubAuthServer, type StubAuthServer } from './support/stubAuthServer';

const client = { clientId: 'bimlink-explorer', clientSecret: 'the-client-secret' };
let other: StubAuthServer;
let redirecting: StubAuthServer;
let endpoints: AuthEndpoints;

beforeEach(async () => {
  other = await startStubAuthServer((_, response) => response.end('{}'));
  redirecting = await startStubAuthServer((request, response) => {
    response.writeHead(307, { location: `${other.url}/collect/path?from=${encodeURIComponent(request.path)}` });
    response.end();
  });
  endpoints = defaultEndpoints(redirecting.url);
});
afterEach(async () => {
  await redirecting.close();
  await other.close();
});

/** The request reached the sign-in server, went no further, and the error names only the other origin. */
async function expectRefused(request: Promise<unknown>, what: RegExp): Promise<void> {
  const error = await request.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AuthServerUnavailableError);
  expect((error as AuthServerUnavailableError).kind).toBe('redirect');
  const message = (error as Error).message;
  expect(message).toMatch(what);
  expect(message).toContain(`redirected the request to ${other.url}.`);
  expect(message).not.toMatch(/collect|from=|path/);
  expect(redirecting.requests).toHaveLength(1);
  expect(other.requests).toEqual([]);
}

describe('a 307 to another origin is not followed', () => {
  it('by the code exchange', async () => {
    await expectRefused(exchangeCode(fetch, endpoints, client, { code: 'the-code', redirectUri: 'http://127.0.0.1:33418/callback', codeVerifier: 'v'.repeat(43) }),
      /^Signing in failed/);
    expect(redirecting.requests[0]!.body).toContain('code=the-code');
  });

  it('by the refresh', async () => {
    await expectRefused(refreshTokens(fetch, endpoints, client, 'the-refresh-token'), /^Renewing the BIMlink session failed/);
  });

  it('by the revocation', async () => {
    await expectRefused(revokeRefreshToken(fetch, endpoints, client, 'the-refresh-token'), /^Revoking the BIMlink session failed/);
    expect(redirecting.requests[0]!.body).toContain('client_secret=the-client-secret');
  });

  it('by discovery, which stops instead of falling back to the known paths', async () => {
    await expectRefused(discoverEndpoints(fetch, redirecting.url), /^Reading the sign-in configuration failed/);
  });

  it('by the key set read to verify the ID token', async () => {
    await expectRefused(verifyIdToken(fetch, endpoints, 'a.b.c', { clientId: client.clientId, nonce: 'n' }), /^Reading the sign-in keys failed/);
  });
});
