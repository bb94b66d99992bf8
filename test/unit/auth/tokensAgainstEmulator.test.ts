// The sign-in core against the emulator's real OpenID Connect server over HTTP: discovery, the code exchange with
// PKCE, the ID token check, refresh-token rotation, revocation, and the errors a user sees.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../emulator/index';
import { CookieJar } from '../../emulator/testing/index';
import { createAuthorizationRequest, type AuthorizationRequest } from '../../../src/core/auth/authorizationRequest';
import { AuthServerUnavailableError, OAuthError } from '../../../src/core/auth/authErrors';
import { defaultEndpoints, discoverEndpoints, type AuthEndpoints } from '../../../src/core/auth/discovery';
import { IdTokenError, verifyIdToken } from '../../../src/core/auth/idToken';
import { signedInAccount } from '../../../src/core/auth/signInAccount';
import { exchangeCode, refreshTokens, revokeRefreshToken } from '../../../src/core/auth/tokenClient';
import { defaultScopes } from '../../../src/core/scopes';

const redirectUri = 'http://127.0.0.1:33418/callback';
const client = { clientId: 'bimlink-explorer' };
let emulator: Emulator;
let endpoints: AuthEndpoints;

/**
 * What a browser does with the authorize URL when the emulator logs the user in by itself (or the browser is still
 * signed in): follows the redirects back to the redirect URI. Stopping at a page, it throws; at the login form, with
 * a message starting "login page at".
 */
async function browse(request: AuthorizationRequest, jar = new CookieJar()): Promise<URLSearchParams> {
  let url = new URL(request.url);
  for (let hop = 0; hop < 20; hop++) {
    const response = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header(url) } });
    jar.store(url, response);
    const body = await response.text();
    const location = response.headers.get('location');
    if (!location && body.includes('name="password"')) throw new Error(`login page at ${url.pathname}`);
    if (!location) throw new Error(`no redirect at ${url.pathname} (${response.status})`);
    url = new URL(location, url);
    if (url.href.startsWith(redirectUri)) return url.searchParams;
  }
  throw new Error('too many redirects');
}

async function signIn(user = 'anna@demo-bimlink.nl') {
  emulator.setAutoLogin(user);
  const request = createAuthorizationRequest(endpoints, client.clientId, redirectUri, defaultScopes);
  const query = await browse(request);
  expect(query.get('state')).toBe(request.state);
  const tokens = await exchangeCode(fetch, endpoints, client, { code: query.get('code')!, redirectUri, codeVerifier: request.pkce.verifier });
  return { request, tokens };
}

beforeAll(async () => {
  emulator = await startEmulator();
  endpoints = await discoverEndpoints(fetch, emulator.url);
});
afterAll(() => emulator.close());

describe('against the emulator', () => {
  it('discovers the endpoints at BIMlink\'s paths', () => {
    expect(endpoints).toEqual({ ...defaultEndpoints(emulator.url), issuer: emulator.url, idTokenSigningAlgorithms: ['RS256'] });
  });

  it('signs in with PKCE, verifies the ID token and names the account by email', async () => {
    const { request, tokens } = await signIn();
    expect(tokens.refreshToken).toBeTruthy();
    expect(tokens.scopes).toEqual(expect.arrayContaining(['bimlink_publicapi', 'offline_access']));
    expect(tokens.expiresAt - tokens.issuedAt).toBeGreaterThan(3_000_000);
    const { account } = await verifyIdToken(fetch, endpoints, tokens.idToken!, { clientId: client.clientId, nonce: request.nonce });
    expect(account.label).toBe('anna@demo-bimlink.nl');
  });

  it('names the account of a sign-in that asked for openid from its verified ID token', async () => {
    const { request, tokens } = await signIn('bram@demo-bimlink.nl');
    const expected = { clientId: client.clientId, nonce: request.nonce, scopes: defaultScopes };
    expect((await signedInAccount(fetch, endpoints, tokens, expected)).label).toBe('bram@demo-bimlink.nl');
    await expect(signedInAccount(fetch, endpoints, { accessToken: tokens.accessToken }, expected)).rejects.toBeInstanceOf(IdTokenError);
  });

  it('refuses an ID token for another nonce or another client', async () => {
    const { tokens } = await signIn();
    await expect(verifyIdToken(fetch, endpoints, tokens.idToken!, { clientId: client.clientId, nonce: 'another' })).rejects.toBeInstanceOf(IdTokenError);
    await expect(verifyIdToken(fetch, endpoints, tokens.idToken!, { clientId: 'someone-else', nonce: 'x' })).rejects.toThrow(/could not be verified/);
  });

  it('refuses a code exchange without the right verifier', async () => {
    emulator.setAutoLogin('anna@demo-bimlink.nl');
    const request = createAuthorizationRequest(endpoints, client.clientId, redirectUri, defaultScopes);
    const query = await browse(request);
    const error = await exchangeCode(fetch, endpoints, client, { code: query.get('code')!, redirectUri, codeVerifier: 'x'.repeat(43) }).catch(e => e);
    expect(error).toBeInstanceOf(OAuthError);
    expect(error.code).toBe('invalid_grant');
  });

  it('rotates the refresh token; the old one is then refused with invalid_grant', async () => {
    const { tokens } = await signIn('bram@demo-bimlink.nl');
    const renewed = await refreshTokens(fetch, endpoints, client, tokens.refreshToken!);
    expect(renewed.refreshToken).toBeTruthy();
    expect(renewed.refreshToken).not.toBe(tokens.refreshToken);
    const error = await refreshTokens(fetch, endpoints, client, tokens.refreshToken!).catch(e => e);
    expect(error).toBeInstanceOf(OAuthError);
    expect(error.isInvalidGrant).toBe(true);
    expect(error.message).not.toContain(tokens.refreshToken!);
  });

  it('revokes a refresh token', async () => {
    const { tokens } = await signIn();
    await revokeRefreshToken(fetch, endpoints, client, tokens.refreshToken!);
    expect((await refreshTokens(fetch, endpoints, client, tokens.refreshToken!).catch(e => e)).isInvalidGrant).toBe(true);
  });

  it('shows the login page again with prompt=login, though the browser is still signed in', async () => {
    // The browser signs in once (the emulator logs Anna in by itself) and keeps the server's session cookie.
    const browser = new CookieJar();
    emulator.setAutoLogin('anna@demo-bimlink.nl');
    await browse(createAuthorizationRequest(endpoints, client.clientId, redirectUri, defaultScopes), browser);
    emulator.setAutoLogin(undefined); // from here on, only the login form signs anyone in
    // Without prompt=login, single sign-on hands that account back at once: another user could never sign in.
    const again = await browse(createAuthorizationRequest(endpoints, client.clientId, redirectUri, defaultScopes), browser);
    expect(again.get('code')).toBeTruthy();
    const forced = await browse(createAuthorizationRequest(endpoints, client.clientId, redirectUri, defaultScopes, true), browser)
      .catch((error: Error) => error);
    expect(forced).toBeInstanceOf(Error);
    expect((forced as Error).message).toMatch(/^login page at /);
  });

  it('says the server cannot be reached, without a stack of jargon', async () => {
    const error = await discoverEndpoints(fetch, 'http://127.0.0.1:9').catch(e => e);
    expect(error).toBeInstanceOf(AuthServerUnavailableError);
    expect(error.message).toMatch(/could not be reached/);
  });

  it('falls back to the known paths when the server has no discovery document', async () => {
    const api = `${emulator.url}/domainaccounts`; // a server with no document under this base
    expect(await discoverEndpoints(fetch, api)).toEqual(defaultEndpoints(api));
  });

  it('turns a 5xx from the token endpoint into a retry-later error', async () => {
    const { tokens } = await signIn();
    emulator.faults.set({ tokenEndpoint: true, errorRate: 1 });
    try {
      const error = await refreshTokens(fetch, endpoints, client, tokens.refreshToken!).catch(e => e);
      expect(error).toBeInstanceOf(AuthServerUnavailableError);
      expect(error.message).toMatch(/answered 5\d\d/);
    } finally {
      emulator.faults.set({ tokenEndpoint: false, errorRate: 0 });
    }
  });
});
