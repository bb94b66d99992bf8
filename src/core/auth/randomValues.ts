import { createHash, randomBytes } from 'node:crypto';

/**
 * A fresh random value in base64url (43 characters, 256 bits). OAuth parameters stay in this alphabet because
 * VS Code decodes the URL it opens in the browser: an encoded `&`, `=`, `+` or `#` would change its meaning.
 */
export function randomValue(): string {
  return randomBytes(32).toString('base64url');
}

export interface Pkce {
  /** Kept by the extension and sent with the token request. */
  readonly verifier: string;
  /** Sent with the authorization request: BASE64URL(SHA-256(verifier)). */
  readonly challenge: string;
  readonly method: 'S256';
}

/** A PKCE pair (RFC 7636) with the S256 method. */
export function createPkce(): Pkce {
  const verifier = randomValue();
  return { verifier, challenge: pkceChallenge(verifier), method: 'S256' };
}

export function pkceChallenge(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}
