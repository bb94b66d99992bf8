import { OAuthError } from './authErrors';
import type { SessionEndReason } from './sessionEnd';
import type { StoredSession } from './storedSession';
import type { TokenSet } from './tokenClient';

/** The waits after transient failures in a row; the last one repeats. */
export const retryDelays: readonly number[] = [15_000, 30_000, 60_000, 120_000, 300_000];
/** How long another window may take to store a refresh token it just rotated. */
export const rotationGraceMs = 1500;

/** What one attempt to renew brought. */
export type RenewalOutcome =
  | { readonly kind: 'noRefreshToken' }
  | { readonly kind: 'renewed'; readonly tokens: TokenSet }
  | { readonly kind: 'failed'; readonly error: unknown };

export interface RenewalFacts {
  readonly outcome: RenewalOutcome;
  /** This window still holds the session: it was not signed out, here or in another window, while the attempt ran. */
  readonly held: boolean;
  /** The refresh token the attempt sent. */
  readonly sent: string;
  /** What storage held for the session once the rotation grace was waited out; absent until then. */
  readonly afterGrace?: { readonly stored: StoredSession | undefined };
  /** This renewal already tried the refresh token another window stored (it does so once). */
  readonly usedStoredToken: boolean;
  /** Transient failures in a row before this attempt. */
  readonly failures: number;
}

export type RenewalDecision =
  /** Keep the new tokens (storing them even when the session was signed out meanwhile: see afterRenewal). */
  | { readonly kind: 'renewed'; readonly tokens: TokenSet }
  /** The session was signed out while the attempt failed: nothing to keep or end; the caller gets the failure. */
  | { readonly kind: 'signedOutMeanwhile'; readonly error: unknown }
  /** Look at storage again after `ms`: another window may be storing the token it rotated. */
  | { readonly kind: 'waitForRotation'; readonly ms: number }
  /** Renew again with the refresh token another window stored. */
  | { readonly kind: 'useStoredToken'; readonly session: StoredSession }
  /** Only signing in again helps: sign the session out and say why. */
  | { readonly kind: 'ended'; readonly reason: SessionEndReason }
  /** A passing fault, or one the user can fix: keep the session, try again in `delayMs`; `tellUser` when it needs the user. */
  | { readonly kind: 'retryLater'; readonly delayMs: number; readonly tellUser: boolean; readonly error: unknown };

/** What a renewal attempt means for the session. Pure: the caller waits, reads storage and renews again as told. */
export function decideRenewal(facts: RenewalFacts): RenewalDecision {
  const { outcome } = facts;
  if (outcome.kind === 'noRefreshToken') return { kind: 'ended', reason: { kind: 'expired' } };
  if (outcome.kind === 'renewed') return { kind: 'renewed', tokens: outcome.tokens };
  const { error } = outcome;
  if (!facts.held) return { kind: 'signedOutMeanwhile', error };
  if (error instanceof OAuthError && error.isInvalidGrant) {
    const ended: RenewalDecision = { kind: 'ended', reason: { kind: 'refused', description: error.description } };
    // Another window may have renewed (and so rotated) the refresh token a moment ago: its new one works, once that
    // window has stored it. Tried once, so that two refused tokens end the session rather than loop.
    if (facts.usedStoredToken) return ended;
    if (!facts.afterGrace) return { kind: 'waitForRotation', ms: rotationGraceMs };
    const { stored } = facts.afterGrace;
    return stored && stored.refreshToken !== facts.sent ? { kind: 'useStoredToken', session: stored } : ended;
  }
  const delayMs = retryDelays[Math.min(facts.failures, retryDelays.length - 1)];
  // A network or server fault passes; an OAuth error other than invalid_grant (a wrong client secret, say) does not
  // pass by itself: the user has to act, so it is said, once.
  return { kind: 'retryLater', delayMs, tellUser: error instanceof OAuthError && facts.failures === 0, error };
}
