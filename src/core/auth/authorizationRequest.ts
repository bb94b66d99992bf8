import type { AuthEndpoints } from './discovery';
import { createPkce, randomValue, type Pkce } from './randomValues';

/** One sign-in attempt: the values sent to the browser and the secrets kept to check what comes back. */
export interface AuthorizationRequest {
  readonly url: string;
  readonly state: string;
  readonly nonce: string;
  readonly pkce: Pkce;
  readonly redirectUri: string;
}

/**
 * @param forceLogin ask the server to show its login page even when the browser is still signed in (`prompt=login`):
 *   without it, single sign-on hands back whichever account the browser signed in last, which may have signed out.
 */
export function createAuthorizationRequest(endpoints: AuthEndpoints, clientId: string, redirectUri: string,
  scopes: readonly string[], forceLogin = false): AuthorizationRequest {
  const state = randomValue();
  const nonce = randomValue();
  const pkce = createPkce();
  const url = new URL(endpoints.authorization);
  url.search = new URLSearchParams({
    client_id: clientId,
    response_type: 'code',
    redirect_uri: redirectUri,
    scope: scopes.join(' '),
    state,
    nonce,
    code_challenge: pkce.challenge,
    code_challenge_method: pkce.method,
    ...(forceLogin ? { prompt: 'login' } : {}),
  }).toString();
  return { url: url.toString(), state, nonce, pkce, redirectUri };
}

/** What the browser brought back to the redirect URI. */
export interface AuthorizationResponse {
  readonly code: string;
}

/** The redirect said no, or was not for this attempt. The message is for the user and holds no secret. */
export class AuthorizationError extends Error {
  constructor(message: string, readonly code?: string) {
    super(message);
    this.name = 'AuthorizationError';
  }
}

/**
 * Checks the query of a redirect: `state` must be this attempt's (CSRF protection), and there must be a code or
 * an error from the server.
 */
export function readAuthorizationResponse(query: URLSearchParams, expectedState: string): AuthorizationResponse {
  if (query.get('state') !== expectedState) {
    throw new AuthorizationError('The sign-in response does not belong to this sign-in attempt (the state does not match). Please sign in again.', 'state_mismatch');
  }
  const error = query.get('error');
  if (error) {
    const description = query.get('error_description');
    const reason = error === 'access_denied' ? 'access was denied' : description || error;
    throw new AuthorizationError(`BIMlink did not sign you in: ${reason}.`, error);
  }
  const code = query.get('code');
  if (!code) throw new AuthorizationError('The sign-in response holds no authorization code.', 'no_code');
  return { code };
}
