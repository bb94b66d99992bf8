// The API's bearer check: 401 with a WWW-Authenticate challenge, 403 without the API scope.

import { SignJWT, decodeJwt, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from './index';
import { apiGet } from './testing/http';
import { signInWithPassword } from './testing/signIn';

let emulator: Emulator;
let token: string;

beforeAll(async () => {
  emulator = await startEmulator();
  token = (await signInWithPassword(emulator, 'anna@demo-bimlink.nl')).accessToken;
});
afterAll(() => emulator.close());

async function foreignToken(claims: { iss: string; aud: string; sub: string }): Promise<string> {
  const { privateKey } = await generateKeyPair('RS256');
  return new SignJWT({ scope: 'openid bimlink_publicapi', client_id: 'bimlink-explorer' })
    .setProtectedHeader({ alg: 'RS256', kid: 'other-key', typ: 'at+jwt' })
    .setIssuer(claims.iss)
    .setAudience(claims.aud)
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(privateKey);
}

describe('bearer tokens', () => {
  it('accepts the token from sign-in', async () => {
    expect((await apiGet(emulator, '/domainaccounts', token)).status).toBe(200);
  });

  it('answers 401 with a bare Bearer challenge when the token is missing', async () => {
    const { status, headers, text } = await apiGet(emulator, '/domainaccounts');
    expect(status).toBe(401);
    expect(headers.get('www-authenticate')).toBe('Bearer');
    expect(text).toBe('');
    expect((await apiGet(emulator, '/domainaccounts', undefined, { authorization: 'Basic Zm9vOmJhcg==' })).status).toBe(401);
  });

  it('answers 401 invalid_token for a malformed token', async () => {
    for (const bad of ['garbage', 'a.b.c', `${token.slice(0, -4)}AAAA`]) {
      const { status, headers } = await apiGet(emulator, '/domainaccounts', bad);
      expect(status, bad).toBe(401);
      expect(headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token", error_description="[^"]+"$/);
    }
  });

  it('answers 401 for a token signed by another key (wrong audience, or even the right one)', async () => {
    const sub = String(decodeJwt(token).sub);
    for (const aud of ['some_other_api', 'bimlink_publicapi']) {
      const { status, headers } = await apiGet(emulator, '/domainaccounts', await foreignToken({ iss: emulator.url, aud, sub }));
      expect(status, aud).toBe(401);
      expect(headers.get('www-authenticate')).toContain('error="invalid_token"');
    }
  });

  it('answers 401 for a token of another emulator instance', async () => {
    const other = await startEmulator();
    try {
      const otherToken = (await signInWithPassword(other, 'anna@demo-bimlink.nl')).accessToken;
      expect((await apiGet(emulator, '/domainaccounts', otherToken)).status).toBe(401);
    } finally {
      await other.close();
    }
  });

  it('answers 401 "expired" once a short-lived token has expired', async () => {
    emulator.faults.set({ accessTokenLifetimeSeconds: 2 });
    let short: string;
    try {
      short = (await signInWithPassword(emulator, 'anna@demo-bimlink.nl')).accessToken;
    } finally {
      emulator.faults.reset();
    }
    const { exp, iat } = decodeJwt(short);
    expect(exp! - iat!).toBe(2);
    expect((await apiGet(emulator, '/domainaccounts', short)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, exp! * 1000 - Date.now()) + 50));
    const { status, headers } = await apiGet(emulator, '/domainaccounts', short);
    expect(status).toBe(401);
    expect(headers.get('www-authenticate')).toMatch(/error="invalid_token", error_description="The token expired at '[^']+'"/);
  });

  it('answers 403 ProblemDetails when the token lacks the bimlink_publicapi scope', async () => {
    const noApi = (await signInWithPassword(emulator, 'anna@demo-bimlink.nl', { scope: 'openid email offline_access' })).accessToken;
    expect(String(decodeJwt(noApi)['scope']).split(' ')).not.toContain('bimlink_publicapi');
    const { status, headers, body } = await apiGet<{ status: number; detail: string }>(emulator, '/domainaccounts', noApi);
    expect(status).toBe(403);
    expect(headers.get('content-type')).toContain('application/problem+json');
    expect(body.detail).toContain('bimlink_publicapi');
  });
});
