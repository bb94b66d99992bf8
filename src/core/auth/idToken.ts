import { createLocalJWKSet, errors, jwtVerify, type JSONWebKeySet, type JWTPayload } from 'jose';
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

// Asymmetric algorithms only (a shared-secret HS256 token could be forged by anyone holding the client secret), and
// the three that every OpenID Provider library supports.
const acceptedAlgorithms = ['RS256', 'PS256', 'ES256'];

/** The algorithms an ID token may be signed with: those the server lists that VS Code accepts; RS256 if it lists none. */
export function idTokenAlgorithms(listed: readonly string[] | undefined): string[] {
  return listed?.length ? acceptedAlgorithms.filter(algorithm => listed.includes(algorithm)) : ['RS256'];
}

/**
 * Verifies the ID token (OpenID Connect Core §3.1.3.7): its signature against the server's JWKS with an algorithm
 * the server lists, the issuer, the audience (our client id, and `azp` when there are several), the nonce of this
 * sign-in attempt, and the claims it must carry (`exp`, `iat`, `sub`, `nonce`). Returns the account it names.
 */
export async function verifyIdToken(fetch: Fetch, endpoints: AuthEndpoints, idToken: string,
  expected: { clientId: string; nonce: string }, signal?: AbortSignal, limits?: AuthLimits): Promise<{ account: Account; claims: JWTPayload }> {
  const algorithms = idTokenAlgorithms(endpoints.idTokenSigningAlgorithms);
  if (!algorithms.length) {
    throw new IdTokenError(`the server signs ID tokens with ${endpoints.idTokenSigningAlgorithms!.join(', ').slice(0, 100)}, ` +
      `and VS Code accepts only ${acceptedAlgorithms.join(', ')}`);
  }
  const jwks = await fetchAuthJson(fetch, endpoints.jwks, { signal }, 'Reading the sign-in keys', limits);
  if (!Array.isArray(jwks.keys)) throw new AuthServerUnavailableError('Reading the sign-in keys failed: the key set is malformed.');
  let claims: JWTPayload;
  try {
    ({ payload: claims } = await jwtVerify(idToken, createLocalJWKSet(jwks as unknown as JSONWebKeySet), {
      issuer: endpoints.issuer,
      audience: expected.clientId,
      algorithms,
      requiredClaims: ['exp', 'iat', 'sub', 'nonce'],
      clockTolerance: 60,
    }));
  } catch (error) {
    throw new IdTokenError(reasonOf(error, algorithms));
  }
  if (claims.nonce !== expected.nonce) throw new IdTokenError('the nonce does not match this sign-in attempt');
  if (typeof claims.sub !== 'string' || !claims.sub) throw new IdTokenError('it names no user');
  // A token for several audiences must name the client it was issued to, and a named one must be us: otherwise a
  // token that another client obtained, listing us among its audiences, would sign its user in here.
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if ((audiences.length > 1 || claims.azp !== undefined) && claims.azp !== expected.clientId) {
    throw new IdTokenError(claims.azp === undefined ? 'it names several audiences but not the client it was issued to (azp)' : 'it was issued to another client (azp)');
  }
  return { account: accountOf(claims), claims };
}

/** The label VS Code shows in the Accounts menu: the email, else the name, else the user id. */
export function accountOf(claims: JWTPayload): Account {
  const text = (key: string) => typeof claims[key] === 'string' && (claims[key] as string).trim() ? claims[key] as string : undefined;
  return { id: String(claims.sub), label: text('email') ?? text('name') ?? text('preferred_username') ?? String(claims.sub) };
}

/** What was wrong with the token, in words (jose's codes mean nothing to a user). */
function reasonOf(error: unknown, algorithms: readonly string[]): string {
  if (error instanceof errors.JWTExpired) return 'it has expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    return error.reason === 'missing' ? `it has no "${error.claim}" claim` : `its "${error.claim}" claim is not the expected one`;
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return `it is not signed with an algorithm the server lists and VS Code accepts (${algorithms.join(', ')})`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'its signature does not match the server\'s keys';
  if (error instanceof errors.JWKSNoMatchingKey) return 'the server\'s key set has no key for it';
  if (error instanceof errors.JWTInvalid || error instanceof errors.JWSInvalid) return 'it is not a well-formed token';
  return (error as { code?: string }).code ?? 'invalid';
}
