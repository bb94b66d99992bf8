// Sign-in against the emulator's OpenID Provider, over real HTTP, through the real login form.

import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from './index';
import { CookieJar } from './testing/cookieJar';
import { apiGet } from './testing/http';
import { createPkce } from './testing/pkce';
import {
  AuthorizationError,
  LoginRejectedError,
  TokenEndpointError,
  authorize,
  exchangeCode,
  refreshTokens,
  signInWithPassword,
} from './testing/signIn';

const ANNA = 'anna@demo-bimlink.nl';
const EXTRA_REDIRECT = 'http://127.0.0.1:47001/callback';

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator({ redirectUris: [EXTRA_REDIRECT] });
});
afterAll(() => emulator.close());

describe('discovery', () => {
  it('serves the BIMlink (IdentityServer) endpoint paths with the base URL as issuer', async () => {
    const { status, body } = await apiGet<Record<string, unknown>>(emulator, '/.well-known/openid-configuration');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      issuer: emulator.url,
      authorization_endpoint: `${emulator.url}/connect/authorize`,
      token_endpoint: `${emulator.url}/connect/token`,
      userinfo_endpoint: `${emulator.url}/connect/userinfo`,
      revocation_endpoint: `${emulator.url}/connect/revocation`,
      end_session_endpoint: `${emulator.url}/connect/endsession`,
      jwks_uri: `${emulator.url}/.well-known/openid-configuration/jwks`,
      code_challenge_methods_supported: ['S256'],
    });
    expect(body['scopes_supported']).toEqual(expect.arrayContaining(['bimlink_publicapi', 'offline_access', 'openid', 'email']));
    expect(body['grant_types_supported']).toEqual(expect.arrayContaining(['authorization_code', 'refresh_token']));
  });

  it('publishes an RS256 signing key', async () => {
    const { body } = await apiGet<{ keys: { kty: string; alg: string; kid: string; d?: string }[] }>(emulator, '/.well-known/openid-configuration/jwks');
    expect(body.keys).toHaveLength(1);
    expect(body.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256' });
    expect(body.keys[0]!.d).toBeUndefined();
  });
});

describe('authorization code + PKCE through the login form', () => {
  it('shows a login form, then issues an RS256 JWT for the API and an ID token', async () => {
    const pkce = createPkce();
    const jar = new CookieJar();
    const authorizeUrl = new URL('/connect/authorize', emulator.url);
    authorizeUrl.search = new URLSearchParams({
      client_id: 'bimlink-explorer',
      response_type: 'code',
      scope: 'openid email offline_access bimlink_publicapi',
      redirect_uri: 'http://127.0.0.1:33418/callback',
      state: 'state-123',
      code_challenge: pkce.challenge,
      code_challenge_method: 'S256',
    }).toString();

    // GET authorize → redirect to the login page.
    let response = await fetch(authorizeUrl, { redirect: 'manual' });
    jar.store(authorizeUrl, response);
    expect(response.status).toBe(303);
    const loginUrl = new URL(response.headers.get('location')!, emulator.url);
    expect(loginUrl.pathname).toMatch(/^\/account\/login\/[\w-]+$/);

    // The login page is a real form.
    response = await fetch(loginUrl, { headers: { cookie: jar.header(loginUrl) }, redirect: 'manual' });
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(html).toContain('name="email"');
    expect(html).toContain('name="password"');
    expect(html).toMatch(/<button type="submit">/);

    // POST the form → back to authorize → (auto consent) → the redirect URI with code and state.
    response = await fetch(loginUrl, {
      method: 'POST',
      headers: { cookie: jar.header(loginUrl), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: ANNA, password: 'anna-demo' }),
      redirect: 'manual',
    });
    let next = new URL(response.headers.get('location')!, loginUrl);
    for (let hop = 0; hop < 6 && next.origin === emulator.url; hop++) {
      expect([302, 303]).toContain(response.status);
      response = await fetch(next, { headers: { cookie: jar.header(next) }, redirect: 'manual' });
      jar.store(next, response);
      next = new URL(response.headers.get('location')!, next);
    }
    expect(`${next.origin}${next.pathname}`).toBe('http://127.0.0.1:33418/callback');
    expect(next.searchParams.get('state')).toBe('state-123');
    expect(next.searchParams.get('iss')).toBe(emulator.url);
    const code = next.searchParams.get('code')!;
    expect(code).toBeTruthy();

    const tokens = await exchangeCode(emulator, { code, state: 'state-123', nonce: '', codeVerifier: pkce.verifier, redirectUri: 'http://127.0.0.1:33418/callback', redirectedTo: next });
    expect(tokens.tokenType).toBe('Bearer');
    expect(tokens.expiresIn).toBe(3600);
    expect(tokens.refreshToken).toBeTruthy();

    const jwks = createRemoteJWKSet(new URL('/.well-known/openid-configuration/jwks', emulator.url));
    const { payload, protectedHeader } = await jwtVerify(tokens.accessToken, jwks, { issuer: emulator.url, audience: 'bimlink_publicapi' });
    expect(protectedHeader.alg).toBe('RS256');
    const anna = emulator.users.find((u) => u.email === ANNA)!;
    expect(payload.sub).toBe(anna.sub);
    expect(payload['client_id']).toBe('bimlink-explorer');
    expect(String(payload['scope']).split(' ')).toEqual(expect.arrayContaining(['bimlink_publicapi', 'offline_access']));
    expect(payload.exp! - payload.iat!).toBe(3600);

    const id = await jwtVerify(tokens.idToken!, jwks, { issuer: emulator.url, audience: 'bimlink-explorer' });
    expect(id.payload).toMatchObject({ sub: anna.sub, email: ANNA, name: 'Anna de Vries' });
  });

  it('shows a clear error on a wrong password and accepts the right one afterwards', async () => {
    await expect(signInWithPassword(emulator, ANNA, { password: 'wrong' })).rejects.toThrow(LoginRejectedError);
    await expect(signInWithPassword(emulator, ANNA, { password: 'wrong' })).rejects.toThrow('Invalid email or password.');
    await expect(signInWithPassword(emulator, 'nobody@demo-bimlink.nl')).rejects.toThrow(LoginRejectedError);
  });

  it('requires PKCE for the public client', async () => {
    const error = await authorize(emulator, ANNA, { pkce: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthorizationError);
    expect((error as AuthorizationError).error).toBe('invalid_request');
    expect((error as AuthorizationError).errorDescription).toMatch(/PKCE/);
  });

  it('rejects a wrong code_verifier', async () => {
    const result = await authorize(emulator, ANNA);
    const error = await exchangeCode(emulator, { ...result, codeVerifier: createPkce().verifier }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenEndpointError);
    expect((error as TokenEndpointError).error).toBe('invalid_grant');
  });

  it('matches redirect URIs exactly (another port or path is rejected, an extra one is allowed)', async () => {
    for (const redirectUri of ['http://127.0.0.1:33419/callback', 'http://127.0.0.1:33418/other', 'http://localhost:33418/callback']) {
      const response = await fetch(
        new URL(`/connect/authorize?${new URLSearchParams({ client_id: 'bimlink-explorer', response_type: 'code', scope: 'openid bimlink_publicapi', redirect_uri: redirectUri, code_challenge: createPkce().challenge, code_challenge_method: 'S256', state: 's' })}`, emulator.url),
        { redirect: 'manual' },
      );
      // Never redirects to an unregistered URI: the error is shown by the server itself.
      expect(response.status, redirectUri).toBe(400);
      expect(response.headers.get('location')).toBeNull();
      expect(await response.text()).toContain('redirect_uri');
    }
    const tokens = await signInWithPassword(emulator, ANNA, { redirectUri: EXTRA_REDIRECT });
    expect(tokens.accessToken).toBeTruthy();
  });

  it('rejects an unknown client', async () => {
    const response = await fetch(new URL(`/connect/authorize?client_id=nope&response_type=code&scope=openid&redirect_uri=${encodeURIComponent('http://127.0.0.1:33418/callback')}`, emulator.url), { redirect: 'manual' });
    expect(response.status).toBe(400);
  });

  it('returns access_denied to the client when the user cancels', async () => {
    const jar = new CookieJar();
    const pkce = createPkce();
    const url = new URL(`/connect/authorize?${new URLSearchParams({ client_id: 'bimlink-explorer', response_type: 'code', scope: 'openid bimlink_publicapi', redirect_uri: 'http://127.0.0.1:33418/callback', code_challenge: pkce.challenge, code_challenge_method: 'S256', state: 'cancel-me' })}`, emulator.url);
    let response = await fetch(url, { redirect: 'manual' });
    jar.store(url, response);
    const login = new URL(response.headers.get('location')!, url);
    const abort = new URL(`${login.pathname}/abort`, url);
    response = await fetch(abort, { method: 'POST', headers: { cookie: jar.header(abort) }, redirect: 'manual' });
    let next = new URL(response.headers.get('location')!, abort);
    response = await fetch(next, { headers: { cookie: jar.header(next) }, redirect: 'manual' });
    next = new URL(response.headers.get('location')!, next);
    expect(next.searchParams.get('error')).toBe('access_denied');
    expect(next.searchParams.get('state')).toBe('cancel-me');
  });
});

describe('refresh tokens', () => {
  it('rotates on every use; the old one is then rejected with invalid_grant', async () => {
    const first = await signInWithPassword(emulator, ANNA);
    const second = await refreshTokens(emulator, first.refreshToken!);
    expect(second.refreshToken).toBeTruthy();
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(decodeJwt(second.accessToken).sub).toBe(decodeJwt(first.accessToken).sub);
    const third = await refreshTokens(emulator, second.refreshToken!);
    expect(third.refreshToken).not.toBe(second.refreshToken);

    const reuse = await refreshTokens(emulator, first.refreshToken!).catch((e: unknown) => e);
    expect(reuse).toBeInstanceOf(TokenEndpointError);
    expect((reuse as TokenEndpointError).error).toBe('invalid_grant');
    expect((reuse as TokenEndpointError).status).toBe(400);
  });

  it('issues no refresh token without offline_access', async () => {
    const tokens = await signInWithPassword(emulator, ANNA, { scope: 'openid email bimlink_publicapi' });
    expect(tokens.refreshToken).toBeUndefined();
  });

  it('has a sliding lifetime: every refresh token lives the full idle lifetime', async () => {
    // Started with auto-login too, so this also covers the option (no login form round trips).
    const short = await startEmulator({ refreshTokenLifetime: 2, autoLogin: ANNA });
    try {
      let tokens = await signInWithPassword(short, 'bram@demo-bimlink.nl');
      expect(decodeJwt(tokens.accessToken).sub).toBe(short.users.find((u) => u.email === ANNA)!.sub);
      // Three refreshes 0.8 s apart: 2.4 s in total, past the (at most) 2 s of the first token.
      for (let i = 0; i < 3; i++) {
        await new Promise((resolve) => setTimeout(resolve, 800));
        tokens = await refreshTokens(short, tokens.refreshToken!);
      }
      expect(tokens.accessToken).toBeTruthy();
    } finally {
      await short.close();
    }
  });
});

describe('confidential client', () => {
  const confidential = { clientId: 'bimlink-explorer-confidential', clientSecret: 'demo-secret' } as const;

  it('authenticates with client_secret_basic and client_secret_post, without PKCE', async () => {
    const basic = await signInWithPassword(emulator, ANNA, { ...confidential, clientAuth: 'basic', pkce: false });
    expect(decodeJwt(basic.accessToken)['client_id']).toBe('bimlink-explorer-confidential');
    const post = await signInWithPassword(emulator, ANNA, { ...confidential, clientAuth: 'post' });
    const refreshed = await refreshTokens(emulator, post.refreshToken!, { ...confidential, clientAuth: 'post' });
    expect(refreshed.refreshToken).not.toBe(post.refreshToken);
  });

  it('rejects a wrong secret with invalid_client', async () => {
    const result = await authorize(emulator, ANNA, { clientId: confidential.clientId });
    const error = await exchangeCode(emulator, result, { clientId: confidential.clientId, clientSecret: 'wrong' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenEndpointError);
    expect((error as TokenEndpointError).error).toBe('invalid_client');
  });
});

describe('userinfo, revocation and auto-login', () => {
  it('answers userinfo with the API access token', async () => {
    const tokens = await signInWithPassword(emulator, 'bram@demo-bimlink.nl');
    const { status, body } = await apiGet(emulator, '/connect/userinfo', tokens.accessToken);
    expect(status).toBe(200);
    expect(body).toMatchObject({ email: 'bram@demo-bimlink.nl', name: 'Bram Jansen', sub: decodeJwt(tokens.accessToken).sub });
    expect((await apiGet(emulator, '/connect/userinfo')).status).toBe(401);
  });

  it('revokes a refresh token at /connect/revocation', async () => {
    const tokens = await signInWithPassword(emulator, ANNA);
    const response = await fetch(new URL('/connect/revocation', emulator.url), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: 'bimlink-explorer', token: tokens.refreshToken!, token_type_hint: 'refresh_token' }),
    });
    expect(response.status).toBe(200);
    await expect(refreshTokens(emulator, tokens.refreshToken!)).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it('serves RP-initiated logout at /connect/endsession', async () => {
    // Without a browser session there is nothing to confirm: the page submits itself.
    const response = await fetch(new URL('/connect/endsession?client_id=bimlink-explorer', emulator.url), { redirect: 'manual' });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(`action="${emulator.url}/connect/endsession/confirm"`);
  });

  it('logs a user in without the form while auto-login is on', async () => {
    emulator.setAutoLogin('bram@demo-bimlink.nl');
    try {
      // Asking for Anna with a wrong password still yields Bram: the form is never shown.
      const tokens = await signInWithPassword(emulator, ANNA, { password: 'wrong' });
      expect(decodeJwt(tokens.accessToken).sub).toBe(emulator.users.find((u) => u.email === 'bram@demo-bimlink.nl')!.sub);
    } finally {
      emulator.setAutoLogin(undefined);
    }
    await expect(signInWithPassword(emulator, ANNA, { password: 'wrong' })).rejects.toThrow(LoginRejectedError);
    expect(() => emulator.setAutoLogin('nobody@example.com')).toThrow();
  });
});
