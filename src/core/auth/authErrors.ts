/**
 * The sign-in server refused a request with an OAuth error (RFC 6749 §5.2), e.g. `invalid_grant` when a refresh
 * token was revoked or expired. The message is for the user; it never holds a token.
 */
export class OAuthError extends Error {
  constructor(readonly code: string, readonly description: string | undefined, what: string) {
    super(`${what} was refused by the BIMlink sign-in server: ${description || code}.`);
    this.name = 'OAuthError';
  }

  /** The refresh token (or code) is no longer valid: only signing in again helps. */
  get isInvalidGrant(): boolean {
    return this.code === 'invalid_grant';
  }
}

/**
 * What went wrong with the sign-in server. `bad-answer` (an error status or a malformed body) is the only one for
 * which discovery falls back to BIMlink's known paths: the others would fail there too, or are a reason to stop.
 */
export type AuthServerProblem = 'unreachable' | 'timeout' | 'too-large' | 'redirect' | 'bad-answer';

/** The sign-in server could not be reached or answered badly (network, slow, 5xx, malformed): worth retrying later. */
export class AuthServerUnavailableError extends Error {
  readonly kind: AuthServerProblem;

  constructor(message: string, options?: { cause?: unknown; kind?: AuthServerProblem }) {
    super(message, options);
    this.name = 'AuthServerUnavailableError';
    this.kind = options?.kind ?? 'bad-answer';
  }
}
