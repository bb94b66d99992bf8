import { decodeJwt } from 'jose';
import type { Fetch } from './authFetch';
import type { AuthLimits } from './authLimits';
import type { AuthEndpoints } from './discovery';
import { accountOf, IdTokenError, verifyIdToken, type Account } from './idToken';
import type { TokenSet } from './tokenClient';

export interface SignInExpectations {
  readonly clientId: string;
  /** The nonce sent with this sign-in attempt's authorization request. */
  readonly nonce: string;
  /** The scopes this sign-in attempt asked for. */
  readonly scopes: readonly string[];
}

/**
 * The account a code exchange signed in. When `openid` was asked, the server must send an ID token, and it must
 * verify: a response without one proves nothing about this attempt (no nonce, no audience of ours), so it is refused
 * rather than read from the access token. Only without `openid` do the access token's claims name the account.
 * On any error the caller should revoke `tokens.refreshToken`: the tokens were issued, and are now thrown away.
 */
export async function signedInAccount(fetch: Fetch, endpoints: AuthEndpoints, tokens: Pick<TokenSet, 'accessToken' | 'idToken'>,
  expected: SignInExpectations, signal?: AbortSignal, limits?: AuthLimits): Promise<Account> {
  if (tokens.idToken) {
    return (await verifyIdToken(fetch, endpoints, tokens.idToken, expected, signal, limits)).account;
  }
  if (expected.scopes.includes('openid')) throw new IdTokenError('the server sent none, though the sign-in asked for one (scope openid)');
  let claims;
  try {
    claims = decodeJwt(tokens.accessToken);
  } catch {
    throw new IdTokenError('the server sent none, and its access token names no user');
  }
  if (typeof claims.sub !== 'string' || !claims.sub) throw new IdTokenError('the server sent none, and its access token names no user');
  return accountOf(claims);
}
