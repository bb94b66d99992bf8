import { knownServers, resolveServers, type EnvironmentName, type Servers } from '../config/servers';
import type { AuthEndpoints } from './discovery';
import type { Account } from './idToken';

/** The endpoints a session's refresh token is sent to: renewal and revocation. */
export type SessionEndpoints = Pick<AuthEndpoints, 'token' | 'revocation'>;

/**
 * What survives a restart: never an access token, only the refresh token, the account and the scopes — and the
 * servers and client the refresh token belongs to. Renewal and sign-out use these, never the settings of the moment:
 * the settings may name other servers by the time a request goes out, and those must not receive this session's
 * refresh token or its client secret.
 */
export interface StoredSession {
  readonly id: string;
  readonly account: Account;
  readonly scopes: readonly string[];
  readonly refreshToken: string;
  /** The client the refresh token was issued to: renewals must use the same one. */
  readonly clientId: string;
  /**
   * Refresh tokens of earlier sign-ins of this account (same client, same server), revoked when it signs out. Not at
   * once: a server may tie them to the same grant as the current one, and revoking them would end the session.
   */
  readonly superseded?: readonly string[];
  /** The environment (servers) the session was signed in on; it is stored under this key. */
  readonly environmentKey: string;
  /** The sign-in server that issued the refresh token. */
  readonly authority: string;
  /** Where the sign-in found the token and revocation endpoints; absent for sessions stored before they were kept. */
  readonly endpoints?: SessionEndpoints;
  /** The SecretStorage key of the client secret sent with the session's requests. */
  readonly clientSecretKey: string;
}

/** The environment whose storage a session was read from. */
export interface SessionEnvironment {
  readonly key: string;
  readonly authority: string;
}

/** The client secret of a client id on an environment, where BIMlink issued one: SecretStorage, never settings. */
export function clientSecretKey(environmentKey: string, clientId: string): string {
  return `bimlink.clientSecret:${environmentKey}|${clientId}`;
}

/**
 * Reads a session stored under `environment`, or undefined when it is malformed. A session stored before sessions
 * kept their servers belongs to the environment it is stored under (whose key names the servers). One that names
 * other servers than the ones it is stored under, or a client secret of another environment, is not trusted.
 * Endpoints off the sign-in server's origin are dropped (they are found again by discovery, which ignores such ones).
 */
export function readStoredSession(value: unknown, environment: SessionEnvironment): StoredSession | undefined {
  const s = value as Partial<StoredSession> | null;
  if (typeof s?.id !== 'string' || typeof s.refreshToken !== 'string' || typeof s.clientId !== 'string'
    || typeof s.account?.id !== 'string' || typeof s.account.label !== 'string'
    || !Array.isArray(s.scopes) || !s.scopes.every(scope => typeof scope === 'string')
    || !(s.superseded === undefined || (Array.isArray(s.superseded) && s.superseded.every(t => typeof t === 'string')))) return undefined;
  const environmentKey = s.environmentKey ?? environment.key;
  const authority = s.authority ?? environment.authority;
  const secretKey = s.clientSecretKey ?? clientSecretKey(environmentKey, s.clientId);
  if (environmentKey !== environment.key || authority !== environment.authority
    || typeof secretKey !== 'string' || !secretKey.startsWith(clientSecretKey(environmentKey, ''))) return undefined;
  const endpoints = s.endpoints && onOrigin(s.endpoints.token, authority) && onOrigin(s.endpoints.revocation, authority)
    ? { token: s.endpoints.token, revocation: s.endpoints.revocation } : undefined;
  return {
    id: s.id,
    account: { id: s.account.id, label: s.account.label },
    scopes: s.scopes,
    refreshToken: s.refreshToken,
    clientId: s.clientId,
    ...(s.superseded?.length ? { superseded: s.superseded } : {}),
    environmentKey,
    authority,
    ...(endpoints ? { endpoints } : {}),
    clientSecretKey: secretKey,
  };
}

/**
 * The servers an environment key names (the key `resolveServers` gave them), or undefined for a key it never gives.
 * A custom key holds the API URL and the sign-in server's URL; a `|` may also occur inside a URL, so each split is
 * tried and the one that gives the same key back is taken.
 */
export function serversOfEnvironmentKey(key: string): Servers | undefined {
  if (Object.hasOwn(knownServers, key)) return resolveServers({ environment: key as EnvironmentName, apiUrl: '', authority: '' });
  if (!key.startsWith('custom:')) return undefined;
  const urls = key.slice('custom:'.length);
  for (let bar = urls.indexOf('|'); bar >= 0; bar = urls.indexOf('|', bar + 1)) {
    try {
      const servers = resolveServers({ environment: 'custom', apiUrl: urls.slice(0, bar), authority: urls.slice(bar + 1) });
      if (servers.key === key) return servers;
    } catch { /* not this split */ }
  }
  return undefined;
}

function onOrigin(url: unknown, authority: string): url is string {
  try {
    return typeof url === 'string' && new URL(url).origin === new URL(authority).origin;
  } catch {
    return false;
  }
}
