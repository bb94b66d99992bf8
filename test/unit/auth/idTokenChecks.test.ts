// Security review, item 8: the ID token is checked in full. Tokens are signed here with local keys; the key set is
// handed over by a fetch that answers the JWKS request only.
import { exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Fetch } from '../../../src/core/auth/authFetch';
import { defaultEndpoints, type AuthEndpoints } from '../../../src/core/auth/discovery';
import { idTokenAlgorithms, IdTokenError, verifyIdToken } from '../../../src/core/auth/idToken';
import { signedInAccount } from '../../../src/core/auth/signInAccount';

const issuer = 'https://login.example.nl';
const clientId = 'bimlink-explorer';
const nonce = 'the-nonce';
const expected = { clientId, nonce };

type Algorithm = 'RS256' | 'PS256' | 'ES256';
const keys: Partial<Record<Algorithm, { privateKey: CryptoKey; jwk: JWK }>> = {};
let jwksFetch: Fetch;

beforeAll(async () => {
  for (const algorithm of ['RS256', 'PS256', 'ES256'] as const) {
    const { privateKey, publicKey } = await generateKeyPair(algorithm);
    keys[algorithm] = { privateKey, jwk: { ...await exportJWK(publicKey), kid: algorithm } }; // no "alg" in the JWK: the header decides
  }
  const jwks = JSON.stringify({ keys: Object.values(keys).map(key => key.jwk) });
  jwksFetch = async url => url.endsWith('/jwks') ? new Response(jwks) : new Response('', { status: 404 });
});

/** An ID token as the server would issue it, with `changes` applied (a claim set to undefined is left out). */
async function idToken(changes: JWTPayload = {}, algorithm: Algorithm = 'RS256'): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const claims: JWTPayload = { iss: issuer, aud: clientId, sub: 'user-1', nonce, iat: now, exp: now + 300, email: 'anna@example.nl', ...changes };
  for (const key of Object.keys(claims)) if (claims[key] === undefined) delete claims[key];
  const key = keys[algorithm]!;
  return new SignJWT(claims).setProtectedHeader({ alg: algorithm, kid: key.jwk.kid! }).sign(key.privateKey);
}

function endpoints(listed?: string[]): AuthEndpoints {
  return { ...defaultEndpoints(issuer), ...(listed ? { idTokenSigningAlgorithms: listed } : {}) };
}

async function refusal(token: Promise<string>, at = endpoints(), expectation = expected): Promise<string> {
  const error = await verifyIdToken(jwksFetch, at, await token, expectation).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(IdTokenError);
  return (error as Error).message;
}

describe('verifyIdToken', () => {
  it('takes a complete RS256 token and names its account', async () => {
    const { account } = await verifyIdToken(jwksFetch, endpoints(), await idToken(), expected);
    expect(account).toEqual({ id: 'user-1', label: 'anna@example.nl' });
  });

  it.each(['exp', 'iat', 'sub', 'nonce'])('refuses a token without "%s", and says which claim is missing', async claim => {
    expect(await refusal(idToken({ [claim]: undefined }))).toContain(`it has no "${claim}" claim`);
  });

  it('refuses a token whose nonce is another attempt\'s', async () => {
    expect(await refusal(idToken({ nonce: 'another' }))).toContain('the nonce does not match');
  });

  it.each([
    ['lists none, so RS256 only', undefined, ['RS256'], ['PS256', 'ES256']],
    ['lists RS256', ['RS256'], ['RS256'], ['PS256', 'ES256']],
    ['lists PS256 and ES256', ['PS256', 'ES256'], ['PS256', 'ES256'], ['RS256']],
    ['lists ES256, HS256 and none', ['ES256', 'HS256', 'none'], ['ES256'], ['RS256', 'PS256']],
  ] as [string, string[] | undefined, Algorithm[], Algorithm[]][])('when the discovery document %s, takes only what it lists of RS256, PS256, ES256',
    async (_, listed, accepted, refused) => {
      for (const algorithm of accepted) await verifyIdToken(jwksFetch, endpoints(listed), await idToken({}, algorithm), expected);
      for (const algorithm of refused) expect(await refusal(idToken({}, algorithm), endpoints(listed))).toContain('not signed with an algorithm');
    });

  it('refuses every token of a server that lists only algorithms VS Code does not accept, before reading its keys', async () => {
    let fetched = false;
    const error = await verifyIdToken(async () => { fetched = true; return new Response('{}'); }, endpoints(['HS256']), await idToken(), expected)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IdTokenError);
    expect((error as Error).message).toContain('signs ID tokens with HS256, and VS Code accepts only RS256, PS256, ES256');
    expect(fetched).toBe(false);
  });

  it('with several audiences, takes the token only when azp names this client', async () => {
    const audiences = [clientId, 'another-client'];
    expect(await refusal(idToken({ aud: audiences }))).toContain('not the client it was issued to (azp)');
    expect(await refusal(idToken({ aud: audiences, azp: 'another-client' }))).toContain('issued to another client (azp)');
    await verifyIdToken(jwksFetch, endpoints(), await idToken({ aud: audiences, azp: clientId }), expected);
  });

  it('refuses a token whose azp names another client, even for one audience', async () => {
    expect(await refusal(idToken({ azp: 'another-client' }))).toContain('issued to another client (azp)');
  });

  it('refuses a token for another issuer or client, and an expired one', async () => {
    expect(await refusal(idToken({ iss: 'https://login.evil.example' }))).toContain('"iss" claim is not the expected one');
    expect(await refusal(idToken({ aud: 'another-client' }))).toContain('"aud" claim is not the expected one');
    expect(await refusal(idToken({ exp: Math.floor(Date.now() / 1000) - 3600 }))).toContain('it has expired');
  });
});

describe('idTokenAlgorithms', () => {
  it('is RS256 when nothing is listed, else the listed ones VS Code accepts', () => {
    expect(idTokenAlgorithms(undefined)).toEqual(['RS256']);
    expect(idTokenAlgorithms([])).toEqual(['RS256']);
    expect(idTokenAlgorithms(['ES256', 'RS512', 'PS256'])).toEqual(['PS256', 'ES256']);
    expect(idTokenAlgorithms(['HS256'])).toEqual([]);
  });
});

describe('signedInAccount', () => {
  const accessToken = `x.${Buffer.from(JSON.stringify({ sub: 'user-2', email: 'bram@example.nl' })).toString('base64url')}.y`;

  it('requires an ID token when the sign-in asked for openid', async () => {
    const error = await signedInAccount(jwksFetch, endpoints(), { accessToken }, { ...expected, scopes: ['openid', 'email'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IdTokenError);
    expect((error as Error).message).toContain('the server sent none, though the sign-in asked for one (scope openid)');
  });

  it('verifies the ID token when there is one', async () => {
    const account = await signedInAccount(jwksFetch, endpoints(), { accessToken, idToken: await idToken() }, { ...expected, scopes: ['openid'] });
    expect(account.label).toBe('anna@example.nl');
    await expect(signedInAccount(jwksFetch, endpoints(), { accessToken, idToken: await idToken({ iat: undefined }) }, { ...expected, scopes: ['openid'] }))
      .rejects.toBeInstanceOf(IdTokenError);
  });

  it('names the account from the access token only when openid was not asked', async () => {
    expect(await signedInAccount(jwksFetch, endpoints(), { accessToken }, { ...expected, scopes: ['bimlink_publicapi'] }))
      .toEqual({ id: 'user-2', label: 'bram@example.nl' });
    await expect(signedInAccount(jwksFetch, endpoints(), { accessToken: 'opaque' }, { ...expected, scopes: [] })).rejects.toBeInstanceOf(IdTokenError);
  });
});
