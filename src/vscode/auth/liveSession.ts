import type * as vscode from 'vscode';
import type { SessionStore, StoredSession } from './sessionStore';

/** A signed-in session as this window holds it: the stored part, plus the access token, which lives only here. */
export interface LiveSession {
  stored: StoredSession;
  /** The storage of the session's own environment: its changes go there, whatever the settings say meanwhile. */
  readonly store: SessionStore;
  accessToken: string;
  /** Until when the access token is handed out without renewing it first (see usableUntil). */
  usableUntil: number;
  /** Renewals in a row that failed for a passing fault. */
  failedRefreshes: number;
}

/** A stored session as this window takes it up: no access token yet. */
export function liveSession(stored: StoredSession, store: SessionStore): LiveSession {
  return { stored, store, accessToken: '', usableUntil: 0, failedRefreshes: 0 };
}

export function toAuthenticationSession(live: LiveSession): vscode.AuthenticationSession {
  return { id: live.stored.id, accessToken: live.accessToken, account: live.stored.account, scopes: live.stored.scopes };
}
