import type { StoredSession } from './storedSession';

/** How many earlier sign-ins' refresh tokens a session keeps for revoking at sign-out. */
const supersededLimit = 5;

/** The refresh tokens of a session to revoke at sign-out: its own and its earlier sign-ins'. */
export function refreshTokensOf(session: StoredSession): string[] {
  return [session.refreshToken, ...(session.superseded ?? [])].filter(Boolean);
}

/** Both refresh tokens come from the same client at the same sign-in server, so a server may tie them to one grant. */
export function sameIssuer(a: StoredSession, b: StoredSession): boolean {
  return a.clientId === b.clientId && a.authority === b.authority && a.environmentKey === b.environmentKey;
}

/** Refresh tokens to revoke now, at the servers and with the client of `session`. */
export interface Revocation {
  readonly session: StoredSession;
  readonly tokens: readonly string[];
}

/**
 * An account signed in again (`signedIn`) where `previous` was stored. The session keeps its id and gains the new
 * scopes. The previous refresh token is kept to be revoked at sign-out when it is from the same client and server (a
 * server may tie both to one grant: revoking it now could end the new session); from another client or server it
 * shares no grant with the new one, and nothing would revoke it later, so it is revoked now, with its own client.
 */
export function replaceSignIn(previous: StoredSession | undefined, signedIn: StoredSession): { session: StoredSession; revoke?: Revocation } {
  if (!previous) return { session: signedIn };
  const joined: StoredSession = { ...signedIn, id: previous.id, scopes: [...new Set([...signedIn.scopes, ...previous.scopes])].sort() };
  if (!sameIssuer(previous, signedIn)) {
    const tokens = refreshTokensOf(previous).filter(token => token !== signedIn.refreshToken);
    return { session: withoutSuperseded(joined), revoke: tokens.length ? { session: previous, tokens } : undefined };
  }
  const earlier = [...(previous.superseded ?? [])];
  if (previous.refreshToken && previous.refreshToken !== signedIn.refreshToken) earlier.push(previous.refreshToken);
  return { session: withSuperseded(withoutSuperseded(joined), earlier) };
}

/** What a renewal leaves: the session as it now is, whether to store it, and refresh tokens to revoke now. */
export interface RenewalOutcome {
  /** Undefined when the session was signed out while the renewal was under way. */
  readonly session: StoredSession | undefined;
  readonly store: boolean;
  /** Tokens of the renewed session's client and server. */
  readonly revoke: readonly string[];
}

/**
 * A renewal sent `renewed.refreshToken` and the server answered with `rotated` (or kept the token: undefined).
 * `latest` is what storage holds for the session now: another window, or a sign-in, may have changed it meanwhile.
 * - signed out meanwhile: the rotated token is in no storage, so it is revoked;
 * - storage still holds the token used: it is replaced by the rotated one;
 * - storage holds another (a newer sign-in, or another window's renewal): that one stays, being the one every
 *   window uses; the rotated token is kept to be revoked at sign-out, or revoked now when it is another client's.
 */
export function afterRenewal(latest: StoredSession | undefined, renewed: StoredSession, rotated: string | undefined): RenewalOutcome {
  const used = renewed.refreshToken;
  const fresh = rotated && rotated !== used ? rotated : undefined;
  if (!latest) return { session: undefined, store: false, revoke: fresh ? [fresh] : [] };
  if (!fresh || latest.superseded?.includes(fresh) || latest.refreshToken === fresh) return { session: latest, store: false, revoke: [] };
  if (latest.refreshToken === used) return { session: { ...latest, refreshToken: fresh }, store: true, revoke: [] };
  if (sameIssuer(latest, renewed)) return { session: withSuperseded(latest, [...(latest.superseded ?? []), fresh]), store: true, revoke: [] };
  return { session: latest, store: false, revoke: [fresh] };
}

function withSuperseded(session: StoredSession, superseded: readonly string[]): StoredSession {
  // Older ones beyond the limit are dropped unrevoked: revoking them could end the session (see StoredSession).
  return superseded.length ? { ...session, superseded: superseded.slice(-supersededLimit) } : withoutSuperseded(session);
}

function withoutSuperseded(session: StoredSession): StoredSession {
  const { superseded: _dropped, ...rest } = session;
  return rest;
}
