import { AuthServerUnavailableError, OAuthError } from './authErrors';
import { fetchAuthJson, type Fetch } from './authFetch';
import type { AuthLimits } from './authLimits';

/** The sign-in server's endpoints, from its discovery document or BIMlink's known paths. */
export interface AuthEndpoints {
  readonly issuer: string;
  readonly authorization: string;
  readonly token: string;
  readonly revocation: string;
  readonly endSession: string;
  readonly jwks: string;
}

/** BIMlink's IdentityServer paths, used when the discovery document cannot be read. */
export function defaultEndpoints(authority: string): AuthEndpoints {
  return {
    issuer: authority,
    authorization: `${authority}/connect/authorize`,
    token: `${authority}/connect/token`,
    revocation: `${authority}/connect/revocation`,
    endSession: `${authority}/connect/endsession`,
    jwks: `${authority}/.well-known/openid-configuration/jwks`,
  };
}

/**
 * Reads `/.well-known/openid-configuration`. A missing or unreadable document falls back to the known paths; a
 * server that cannot be reached, or redirects the request, is an error (the known paths would fail the same way). Endpoints on another origin than the authority
 * are ignored, so a tampered document cannot send the user's code or tokens elsewhere.
 */
export async function discoverEndpoints(fetch: Fetch, authority: string, signal?: AbortSignal, limits?: AuthLimits): Promise<AuthEndpoints> {
  const fallback = defaultEndpoints(authority);
  let document: Record<string, unknown>;
  try {
    document = await fetchAuthJson(fetch, `${authority}/.well-known/openid-configuration`, { signal }, 'Reading the sign-in configuration', limits);
  } catch (error) {
    if (error instanceof OAuthError || (error instanceof AuthServerUnavailableError && error.kind === 'bad-answer')) return fallback;
    throw error;
  }
  const origin = new URL(authority).origin;
  const pick = (key: string, otherwise: string): string => {
    const value = document[key];
    if (typeof value !== 'string') return otherwise;
    try {
      return new URL(value).origin === origin ? value : otherwise;
    } catch {
      return otherwise;
    }
  };
  return {
    issuer: typeof document.issuer === 'string' ? document.issuer : fallback.issuer,
    authorization: pick('authorization_endpoint', fallback.authorization),
    token: pick('token_endpoint', fallback.token),
    revocation: pick('revocation_endpoint', fallback.revocation),
    endSession: pick('end_session_endpoint', fallback.endSession),
    jwks: pick('jwks_uri', fallback.jwks),
  };
}
