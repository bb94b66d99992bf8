import { createLocalJWKSet, jwtVerify, type JSONWebKeySet, type JWTPayload } from 'jose';
import { AuthServerUnavailableError } from './authErrors';
import { fetchAuthJson, type Fetch } from './authFetch';
import type { AuthLimits } from './authLimits';
import type { AuthEndpoints } from './discovery';

/** The signed-in user as the ID token names them. */
export interface Account {
  readonly id: string;
  readonly label: string;
}

/** The ID token could not be trusted: sign-in stops. */
export class IdTokenError extends Error {
  constructor(reason: string) {
    super(`BIMlink's identity token could not be verified (${reason}). Please sign in again.`);
    this.name = 'IdTokenError';
  }
}

/**
 * Verifies the ID token: its signature against the server's JWKS, the issuer, the audience (our client id), the
 * nonce of this sign-in attempt and the expiry. Returns the account it names.
 */
export async function verifyIdToken(fetch: Fetch, endpoints: AuthEndpoints, idToken: string,
  expected: { clientId: string; nonce: string }, signal?: AbortSignal, limits?: AuthLimits): Promise<{ account: Account; claims: JWTPayload }> {
  const jwks = await fetchAuthJson(fetch, endpoints.jwks, { signal }, 'Reading the sign-in keys', limits);
  if (!Array.isArray(jwks.keys)) throw new AuthServerUnavailableError('Reading the sign-in keys failed: the key set is malformed.');
  let claims: JWTPayload;
  try {
    ({ payload: claims } = await jwtVerify(idToken, createLocalJWKSet(jwks as unknown as JSONWebKeySet), {
      issuer: endpoints.issuer,
      audience: expected.clientId,
      clockTolerance: 60,
    }));
  } catch (error) {
    throw new IdTokenError((error as { code?: string }).code ?? 'invalid');
  }
  if (claims.nonce !== expected.nonce) throw new IdTokenError('the nonce does not match this sign-in attempt');
  if (!claims.sub) throw new IdTokenError('it names no user');
  return { account: accountOf(claims), claims };
}

/** The label VS Code shows in the Accounts menu: the email, else the name, else the user id. */
export function accountOf(claims: JWTPayload): Account {
  const text = (key: string) => typeof claims[key] === 'string' && (claims[key] as string).trim() ? claims[key] as string : undefined;
  return { id: String(claims.sub), label: text('email') ?? text('name') ?? text('preferred_username') ?? String(claims.sub) };
}
