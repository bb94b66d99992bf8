import { describe, expect, it } from 'vitest';
import { createAuthorizationRequest, readAuthorizationResponse, AuthorizationError } from '../../../src/core/auth/authorizationRequest';
import { defaultEndpoints } from '../../../src/core/auth/discovery';
import { createPkce, pkceChallenge, randomValue } from '../../../src/core/auth/randomValues';

describe('PKCE', () => {
  it('matches the RFC 7636 appendix B example', () => {
    expect(pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes a fresh 43-character base64url verifier each time, with its S256 challenge', () => {
    const a = createPkce(), b = createPkce();
    expect(a.verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.verifier).not.toBe(b.verifier);
    expect(a.challenge).toBe(pkceChallenge(a.verifier));
    expect(a.method).toBe('S256');
  });

  it('keeps random values in the base64url alphabet, which survives VS Code decoding the URL it opens', () => {
    for (let i = 0; i < 200; i++) expect(randomValue()).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe('authorization request', () => {
  const endpoints = defaultEndpoints('https://api.demo-bimlink.nl');
  const request = createAuthorizationRequest(endpoints, 'bimlink-explorer', 'http://127.0.0.1:33418/callback',
    ['bimlink_publicapi', 'offline_access', 'openid', 'email']);
  const query = new URL(request.url).searchParams;

  it('goes to the authorize endpoint with code flow, PKCE S256, state and nonce', () => {
    expect(request.url.startsWith('https://api.demo-bimlink.nl/connect/authorize?')).toBe(true);
    expect(Object.fromEntries(query)).toEqual({
      client_id: 'bimlink-explorer',
      response_type: 'code',
      redirect_uri: 'http://127.0.0.1:33418/callback',
      scope: 'bimlink_publicapi offline_access openid email',
      state: request.state,
      nonce: request.nonce,
      code_challenge: pkceChallenge(request.pkce.verifier),
      code_challenge_method: 'S256',
    });
    expect(request.state).not.toBe(request.nonce);
  });

  it('asks the server for its login page (prompt=login) only when told to', () => {
    expect(query.has('prompt')).toBe(false);
    const forced = createAuthorizationRequest(endpoints, 'bimlink-explorer', 'http://127.0.0.1:33418/callback', ['openid'], true);
    expect(new URL(forced.url).searchParams.getAll('prompt')).toEqual(['login']);
    const notForced = createAuthorizationRequest(endpoints, 'bimlink-explorer', 'http://127.0.0.1:33418/callback', ['openid'], false);
    expect(new URL(notForced.url).searchParams.has('prompt')).toBe(false);
  });

  it('never puts the verifier in the URL', () => {
    expect(request.url).not.toContain(request.pkce.verifier);
  });

  it('accepts a redirect with its own state and a code', () => {
    expect(readAuthorizationResponse(new URLSearchParams({ code: 'abc', state: request.state }), request.state)).toEqual({ code: 'abc' });
  });

  it('rejects a redirect with another state, or none, even when it carries a code', () => {
    for (const state of ['other', '', request.state.slice(1)]) {
      const error = catchError(() => readAuthorizationResponse(new URLSearchParams({ code: 'abc', state }), request.state));
      expect(error).toBeInstanceOf(AuthorizationError);
      expect((error as AuthorizationError).code).toBe('state_mismatch');
    }
    expect(catchError(() => readAuthorizationResponse(new URLSearchParams({ code: 'abc' }), request.state))).toBeInstanceOf(AuthorizationError);
  });

  it('turns an error redirect into a message, and a missing code into an error', () => {
    const denied = catchError(() => readAuthorizationResponse(new URLSearchParams({ error: 'access_denied', state: request.state }), request.state));
    expect((denied as Error).message).toBe('BIMlink did not sign you in: access was denied.');
    const described = catchError(() => readAuthorizationResponse(new URLSearchParams({ error: 'invalid_scope', error_description: 'unknown scope', state: request.state }), request.state));
    expect((described as Error).message).toContain('unknown scope');
    expect((catchError(() => readAuthorizationResponse(new URLSearchParams({ state: request.state }), request.state)) as AuthorizationError).code).toBe('no_code');
  });
});

function catchError(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
