import { decodeJwt } from 'jose';
import { AuthServerUnavailableError } from './authErrors';
import { fetchAuthJson, sendAuthRequest, type Fetch } from './authFetch';
import type { AuthLimits } from './authLimits';
import type { AuthEndpoints } from './discovery';

export interface ClientCredentials {
  readonly clientId: string;
  /** Only where BIMlink issued one; kept in SecretStorage, never in settings. */
  readonly clientSecret?: string;
}

/** What the token endpoint gave. The access and ID tokens stay in memory; only the refresh token is stored. */
export interface TokenSet {
  readonly accessToken: string;
  readonly refreshToken?: string;
  readonly idToken?: string;
  /** When the access token was issued and expires, in milliseconds since the epoch. */
  readonly issuedAt: number;
  readonly expiresAt: number;
  readonly scopes: readonly string[];
}

export interface CodeExchange {
  readonly code: string;
  readonly redirectUri: string;
  readonly codeVerifier: string;
}

export function exchangeCode(fetch: Fetch, endpoints: AuthEndpoints, client: ClientCredentials, exchange: CodeExchange,
  signal?: AbortSignal, now = Date.now, limits?: AuthLimits): Promise<TokenSet> {
  return requestTokens(fetch, endpoints, client, {
    grant_type: 'authorization_code',
    code: exchange.code,
    redirect_uri: exchange.redirectUri,
    code_verifier: exchange.codeVerifier,
  }, 'Signing in', signal, now, limits);
}

export function refreshTokens(fetch: Fetch, endpoints: AuthEndpoints, client: ClientCredentials, refreshToken: string,
  signal?: AbortSignal, now = Date.now, limits?: AuthLimits): Promise<TokenSet> {
  return requestTokens(fetch, endpoints, client, { grant_type: 'refresh_token', refresh_token: refreshToken },
    'Renewing the BIMlink session', signal, now, limits);
}

/** Revokes a refresh token (RFC 7009), so that signing out also ends the session at the server. */
export async function revokeRefreshToken(fetch: Fetch, endpoints: AuthEndpoints, client: ClientCredentials, refreshToken: string,
  signal?: AbortSignal, limits?: AuthLimits): Promise<void> {
  await sendAuthRequest(fetch, endpoints.revocation, post(client, { token: refreshToken, token_type_hint: 'refresh_token' }, signal),
    'Revoking the BIMlink session', limits);
}

/**
 * Until when an access token is handed out as it is: 30 s before it expires, or, for a short-lived token, a third of
 * its lifetime before (a fixed margin longer than the lifetime would renew it on every request).
 */
export function usableUntil(tokens: Pick<TokenSet, 'issuedAt' | 'expiresAt'>): number {
  const lifetime = Math.max(0, tokens.expiresAt - tokens.issuedAt);
  return tokens.expiresAt - Math.min(30_000, lifetime / 3);
}

/** The moment to renew an access token: two thirds into its lifetime, as VS Code's own auth providers do. */
export function refreshDueAt(tokens: Pick<TokenSet, 'issuedAt' | 'expiresAt'>): number {
  return tokens.issuedAt + Math.max(0, tokens.expiresAt - tokens.issuedAt) * 2 / 3;
}

async function requestTokens(fetch: Fetch, endpoints: AuthEndpoints, client: ClientCredentials, form: Record<string, string>,
  what: string, signal: AbortSignal | undefined, now: () => number, limits: AuthLimits | undefined): Promise<TokenSet> {
  const issuedAt = now();
  const body = await fetchAuthJson(fetch, endpoints.token, post(client, form, signal), what, limits);
  const accessToken = body.access_token;
  if (typeof accessToken !== 'string' || !accessToken) {
    throw new AuthServerUnavailableError(`${what} failed: the BIMlink sign-in server sent no access token.`);
  }
  return {
    accessToken,
    refreshToken: typeof body.refresh_token === 'string' ? body.refresh_token : undefined,
    idToken: typeof body.id_token === 'string' ? body.id_token : undefined,
    issuedAt,
    expiresAt: issuedAt + lifetimeSeconds(body.expires_in, accessToken) * 1000,
    scopes: typeof body.scope === 'string' ? body.scope.split(' ').filter(Boolean) : [],
  };
}

/** `expires_in` when the server sends it; otherwise the JWT's own `exp`; otherwise a cautious five minutes. */
function lifetimeSeconds(expiresIn: unknown, accessToken: string): number {
  const seconds = typeof expiresIn === 'string' ? Number(expiresIn) : expiresIn;
  if (typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0) return seconds;
  try {
    const { exp, iat } = decodeJwt(accessToken);
    if (typeof exp === 'number') return Math.max(0, exp - (typeof iat === 'number' ? iat : Date.now() / 1000));
  } catch { /* not a JWT */ }
  return 300;
}

function post(client: ClientCredentials, form: Record<string, string>, signal?: AbortSignal): RequestInit {
  const body = new URLSearchParams({ ...form, client_id: client.clientId });
  if (client.clientSecret) body.set('client_secret', client.clientSecret);
  return { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: body.toString(), signal };
}
