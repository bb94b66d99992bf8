// Bearer token check of the API, like ASP.NET's JwtBearer handler: RS256 JWTs signed by the
// emulator's own key, right issuer and audience, not expired. Failures become the
// WWW-Authenticate challenge a client must understand.

import { createLocalJWKSet, errors, jwtVerify, type JWK } from 'jose';

export interface VerifiedToken {
  readonly sub: string;
  readonly scopes: readonly string[];
  readonly clientId: string | undefined;
}

export type BearerResult =
  | { readonly ok: true; readonly token: VerifiedToken }
  | { readonly ok: false; readonly challenge: string };

export interface BearerOptions {
  readonly issuer: string;
  readonly audience: string;
  readonly publicJwk: JWK;
  /** Accepted clock skew. ASP.NET's default is 5 minutes; the emulator's is 0 so expiry tests are quick. */
  readonly clockToleranceSeconds: number;
}

const challenge = (description: string): string => `Bearer error="invalid_token", error_description="${description.replace(/["\\]/g, "'")}"`;

export function createBearerVerifier(options: BearerOptions): (authorization: string | undefined) => Promise<BearerResult> {
  const jwks = createLocalJWKSet({ keys: [options.publicJwk] });
  return async (authorization) => {
    const match = /^Bearer\s+(\S*)\s*$/i.exec(authorization ?? '');
    // No credentials at all: a bare challenge (RFC 6750 §3.1).
    if (!match || !match[1]) return { ok: false, challenge: 'Bearer' };
    try {
      const { payload } = await jwtVerify(match[1], jwks, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: ['RS256'],
        clockTolerance: options.clockToleranceSeconds,
        requiredClaims: ['sub', 'exp'],
      });
      const scope = payload['scope'];
      const scopes = Array.isArray(scope) ? scope.map(String) : typeof scope === 'string' ? scope.split(' ').filter(Boolean) : [];
      const clientId = typeof payload['client_id'] === 'string' ? payload['client_id'] : undefined;
      return { ok: true, token: { sub: payload.sub!, scopes, clientId } };
    } catch (error) {
      return { ok: false, challenge: challenge(describe(error)) };
    }
  };
}

function describe(error: unknown): string {
  if (error instanceof errors.JWTExpired) {
    const exp = typeof error.payload.exp === 'number' ? new Date(error.payload.exp * 1000).toISOString() : 'unknown';
    return `The token expired at '${exp}'`;
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return `The audience '${String(error.payload.aud ?? '')}' is invalid`;
    if (error.claim === 'iss') return `The issuer '${String(error.payload.iss ?? '')}' is invalid`;
    return `The token is invalid: ${error.message}`;
  }
  if (error instanceof errors.JWKSNoMatchingKey) return 'The signature key was not found';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'The signature is invalid';
  return 'The token is malformed';
}
