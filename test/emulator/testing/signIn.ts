// Signing in to an emulator without a browser: the real authorization-code + PKCE flow, through
// the real login form, with fetch (redirect: 'manual') and a cookie jar. For the emulator's
// own tests and for the extension's tests that just need tokens.

import { DEFAULT_REDIRECT_URIS, PUBLIC_CLIENT_ID } from '../auth/clients';
import { DEMO_USERS, type DemoUser } from '../data/users';
import { CookieJar } from './cookieJar';
import { createPkce, randomToken } from './pkce';

export const DEFAULT_SCOPE = 'openid email offline_access bimlink_publicapi';

export interface SignInOptions {
  /** Default: the public client `bimlink-explorer`. */
  readonly clientId?: string;
  /** For a confidential client. */
  readonly clientSecret?: string;
  /** How the secret is sent to the token endpoint. Default `basic`. */
  readonly clientAuth?: 'basic' | 'post';
  /** Default: `openid email offline_access bimlink_publicapi`. */
  readonly scope?: string;
  /** Default: http://127.0.0.1:33418/callback (nothing needs to listen there). */
  readonly redirectUri?: string;
  /** Default: the demo user's password. */
  readonly password?: string;
  /** Send a PKCE challenge and verifier. Default true. */
  readonly pkce?: boolean;
  /** Extra authorization request parameters (e.g. prompt, resource). */
  readonly authorizeParams?: Record<string, string>;
}

export interface TokenSet {
  readonly accessToken: string;
  readonly refreshToken: string | undefined;
  readonly idToken: string | undefined;
  readonly expiresIn: number;
  readonly scope: string | undefined;
  readonly tokenType: string;
}

export interface AuthorizationResult {
  readonly code: string;
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string | undefined;
  readonly redirectUri: string;
  /** The full redirect the browser would have followed. */
  readonly redirectedTo: URL;
}

/** An error the authorization server sent back to the redirect URI (RFC 6749 §4.1.2.1). */
export class AuthorizationError extends Error {
  constructor(readonly error: string, readonly errorDescription: string | undefined) {
    super(`${error}${errorDescription ? `: ${errorDescription}` : ''}`);
  }
}

/** The login page was shown again, with this message (e.g. wrong password). */
export class LoginRejectedError extends Error {}

/** The token endpoint answered with an error (RFC 6749 §5.2). */
export class TokenEndpointError extends Error {
  constructor(readonly status: number, readonly error: string, readonly errorDescription: string | undefined) {
    super(`${status} ${error}${errorDescription ? `: ${errorDescription}` : ''}`);
  }
}

type EmulatorLike = { readonly url: string };

const userOf = (user: string | DemoUser): { email: string; password: string } =>
  typeof user === 'string' ? (DEMO_USERS.find((u) => u.email === user) ?? { email: user, password: '' }) : user;

/** Runs the browser part of the flow and returns the authorization code. */
export async function authorize(emulator: EmulatorLike, user: string | DemoUser, options: SignInOptions = {}): Promise<AuthorizationResult> {
  const redirectUri = options.redirectUri ?? DEFAULT_REDIRECT_URIS[0]!;
  const state = randomToken(16);
  const nonce = randomToken(16);
  const pkce = options.pkce === false ? undefined : createPkce();
  const params = new URLSearchParams({
    client_id: options.clientId ?? PUBLIC_CLIENT_ID,
    response_type: 'code',
    scope: options.scope ?? DEFAULT_SCOPE,
    redirect_uri: redirectUri,
    state,
    nonce,
    ...(pkce ? { code_challenge: pkce.challenge, code_challenge_method: 'S256' } : {}),
    ...options.authorizeParams,
  });
  const { email, password } = userOf(user);
  const jar = new CookieJar();
  let url = new URL(`/connect/authorize?${params}`, emulator.url);
  let init: RequestInit = { method: 'GET' };
  let submitted = false;

  for (let hop = 0; hop < 20; hop++) {
    const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: jar.header(url) } });
    jar.store(url, response);
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      const next = new URL(location, url);
      if (isRedirectUri(next, redirectUri)) {
        const error = next.searchParams.get('error');
        if (error) throw new AuthorizationError(error, next.searchParams.get('error_description') ?? undefined);
        const code = next.searchParams.get('code');
        if (!code) throw new Error(`Redirect without a code: ${next}`);
        if (next.searchParams.get('state') !== state) throw new Error(`State mismatch in ${next}`);
        return { code, state, nonce, codeVerifier: pkce?.verifier, redirectUri, redirectedTo: next };
      }
      url = next;
      init = { method: 'GET' };
      continue;
    }
    const body = await response.text();
    const form = /<form method="post" action="([^"]+)"/.exec(body);
    if (response.status === 200 && form && body.includes('name="password"')) {
      if (submitted) throw new LoginRejectedError(/role="alert"[^>]*>([^<]*)</.exec(body)?.[1] ?? 'Login rejected');
      submitted = true;
      url = new URL(form[1]!.replace(/&amp;/g, '&'), url);
      init = { method: 'POST', body: new URLSearchParams({ email, password: options.password ?? password }), headers: { 'content-type': 'application/x-www-form-urlencoded' } };
      continue;
    }
    const detail = /role="alert"[^>]*>([\s\S]*?)<\/p>/.exec(body)?.[1]?.replace(/<[^>]+>/g, '') ?? body.slice(0, 300);
    throw new AuthorizationError('unexpected_response', `${response.status} at ${url.pathname}: ${detail}`);
  }
  throw new Error('Too many redirects while signing in');
}

function isRedirectUri(url: URL, redirectUri: string): boolean {
  const expected = new URL(redirectUri);
  return url.protocol === expected.protocol && url.host === expected.host && url.pathname === expected.pathname;
}

/** POSTs to /connect/token; throws TokenEndpointError on an OAuth error. */
export async function tokenRequest(emulator: EmulatorLike, form: Record<string, string>, options: SignInOptions = {}): Promise<TokenSet> {
  const body = new URLSearchParams({ client_id: options.clientId ?? PUBLIC_CLIENT_ID, ...form });
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
  if (options.clientSecret !== undefined) {
    if (options.clientAuth === 'post') {
      body.set('client_secret', options.clientSecret);
    } else {
      const id = encodeURIComponent(options.clientId ?? PUBLIC_CLIENT_ID);
      headers['authorization'] = `Basic ${Buffer.from(`${id}:${encodeURIComponent(options.clientSecret)}`).toString('base64')}`;
      body.delete('client_id');
    }
  }
  const response = await fetch(new URL('/connect/token', emulator.url), { method: 'POST', headers, body });
  const text = await response.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // Not JSON (e.g. an injected 502 page): report the status.
  }
  if (!response.ok) throw new TokenEndpointError(response.status, String(json['error'] ?? 'http_error'), json['error_description'] as string | undefined);
  return {
    accessToken: String(json['access_token']),
    refreshToken: json['refresh_token'] as string | undefined,
    idToken: json['id_token'] as string | undefined,
    expiresIn: Number(json['expires_in']),
    scope: json['scope'] as string | undefined,
    tokenType: String(json['token_type']),
  };
}

export async function exchangeCode(emulator: EmulatorLike, authorization: AuthorizationResult, options: SignInOptions = {}): Promise<TokenSet> {
  return tokenRequest(emulator, {
    grant_type: 'authorization_code',
    code: authorization.code,
    redirect_uri: authorization.redirectUri,
    ...(authorization.codeVerifier ? { code_verifier: authorization.codeVerifier } : {}),
  }, options);
}

export async function refreshTokens(emulator: EmulatorLike, refreshToken: string, options: SignInOptions = {}): Promise<TokenSet> {
  return tokenRequest(emulator, { grant_type: 'refresh_token', refresh_token: refreshToken }, options);
}

/**
 * Signs `user` (email or DemoUser) in through the login form and returns the tokens, as the
 * extension would get them after a browser sign-in.
 */
export async function signInWithPassword(emulator: EmulatorLike, user: string | DemoUser, options: SignInOptions = {}): Promise<TokenSet> {
  return exchangeCode(emulator, await authorize(emulator, user, options), options);
}
