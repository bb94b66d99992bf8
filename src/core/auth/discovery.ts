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
  /** `id_token_signing_alg_values_supported` as the document lists it; absent when it lists none (RS256 then). */
  readonly idTokenSigningAlgorithms?: readonly string[];
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
 * The discovery document names another issuer than the authority it was read from (OpenID Connect Discovery §4.3
 * requires them to be identical): its ID tokens could come from anyone that server vouches for, so sign-in stops.
 */
export class IssuerMismatchError extends Error {
  constructor(readonly expected: string, readonly received: string) {
    super(`The BIMlink sign-in server's configuration names the issuer "${received.slice(0, 200)}", but "${expected}" was expected. ` +
      'VS Code cannot trust its tokens, so signing in stops. Check the BIMlink server settings (bimlink.environment, bimlink.authority).');
    this.name = 'IssuerMismatchError';
  }
}

/**
 * Reads `/.well-known/openid-configuration`. A missing or unreadable document falls back to the known paths; a
 * server that cannot be reached, is too slow, redirects or floods, is an error (the known paths would fare no
 * better), and so is a document naming another issuer. Endpoints on another origin than the authority are ignored,
 * so a tampered document cannot send the user's code or tokens elsewhere.
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
  // The document's own spelling is kept, for it is what the tokens' `iss` must equal; a trailing slash is the one
  // difference allowed, since the authority comes from a setting that loses it.
  const issuer = typeof document.issuer === 'string' ? document.issuer : authority;
  if (issuer.replace(/\/+$/, '') !== authority.replace(/\/+$/, '')) throw new IssuerMismatchError(authority, issuer);
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
    issuer,
    authorization: pick('authorization_endpoint', fallback.authorization),
    token: pick('token_endpoint', fallback.token),
    revocation: pick('revocation_endpoint', fallback.revocation),
    endSession: pick('end_session_endpoint', fallback.endSession),
    jwks: pick('jwks_uri', fallback.jwks),
    ...algorithmsOf(document.id_token_signing_alg_values_supported),
  };
}

function algorithmsOf(listed: unknown): { idTokenSigningAlgorithms?: readonly string[] } {
  const algorithms = Array.isArray(listed) ? listed.filter((a): a is string => typeof a === 'string') : [];
  return algorithms.length ? { idTokenSigningAlgorithms: algorithms } : {};
}
