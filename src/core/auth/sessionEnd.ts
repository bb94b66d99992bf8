/** Why a session ended without the user signing out: no refresh token was left, or the server refused it. */
export type SessionEndReason =
  | { readonly kind: 'expired' }
  | { readonly kind: 'refused'; readonly description?: string };

/** The session ended (its refresh token was refused): the user must sign in again. */
export class SessionEndedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SessionEndedError';
  }
}

/** What the log and the notification say, e.g. "Your BIMlink session for anna@… has ended (<the server's words>)." */
export function sessionEndMessage(accountLabel: string, reason: SessionEndReason): string {
  return reason.kind === 'expired'
    ? `Your BIMlink session for ${accountLabel} has expired.`
    : `Your BIMlink session for ${accountLabel} has ended (${reason.description ?? 'the server no longer accepts it'}).`;
}

/** What the request that was waiting for the renewal gets. */
export function sessionEndedError(accountLabel: string, reason: SessionEndReason): SessionEndedError {
  const what = reason.kind === 'expired' ? 'expired' : 'ended';
  return new SessionEndedError(`Your BIMlink session for ${accountLabel} has ${what}. Sign in again to continue.`);
}
