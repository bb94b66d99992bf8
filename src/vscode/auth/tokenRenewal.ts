import type * as vscode from 'vscode';
import { SharedRenewal } from '../../core/api/tokenSource';
import { decideRenewal, type RenewalFacts, type RenewalOutcome } from '../../core/auth/renewalDecision';
import { afterRenewal } from '../../core/auth/sessionChanges';
import { SessionEndedError, sessionEndedError, type SessionEndReason } from '../../core/auth/sessionEnd';
import type { StoredSession } from '../../core/auth/storedSession';
import { refreshDueAt, usableUntil, type TokenSet } from '../../core/auth/tokenClient';
import type { LiveSession } from './liveSession';
import type { SessionServers } from './sessionServers';
import type { StorageWrites } from './storageWrites';

/** What renewing needs from the provider that holds the sessions. */
export interface RenewalHost {
  readonly servers: SessionServers;
  readonly writes: StorageWrites;
  readonly log: vscode.LogOutputChannel;
  /** This window still holds `live`: it was not signed out, nor dropped for another environment's sessions. */
  holds(live: LiveSession): boolean;
  /** Renewing can no longer work: sign the session out everywhere and say why. */
  end(live: LiveSession, reason: SessionEndReason): Promise<void>;
  /** `live` has a new access token. */
  renewed(live: LiveSession): void;
  /** Renewing fails for a reason only the user can fix; `message` says which (it never holds a token). */
  needsAction(live: LiveSession, message: string): void;
}

/**
 * Renews access tokens, at two thirds of their lifetime and on demand: one renewal per session at a time (whoever
 * asks meanwhile joins it), always at the session's own servers. What an attempt's outcome means is decided by
 * decideRenewal; this carries it out.
 */
export class TokenRenewal {
  private readonly timers = new WeakMap<LiveSession, NodeJS.Timeout>();
  private readonly flights = new WeakMap<LiveSession, SharedRenewal<string>>();

  constructor(private readonly host: RenewalHost) {}

  /** A renewed access token for `live`. `signal` ends this caller's wait, not the renewal others may share. */
  renew(live: LiveSession, signal?: AbortSignal): Promise<string> {
    let flight = this.flights.get(live);
    if (!flight) this.flights.set(live, flight = new SharedRenewal(() => this.run(live)));
    return flight.run(signal);
  }

  /** Settles once the renewal under way for `live`, if any, has. */
  settled(live: LiveSession): Promise<void> {
    return this.flights.get(live)?.settled() ?? Promise.resolve();
  }

  /** Renews `live` in the background after `delayMs`. */
  schedule(live: LiveSession, delayMs: number): void {
    this.stop(live);
    // Timers longer than 2^31-1 ms fire at once; renewing a day-long token a little early does no harm.
    const delay = Math.min(Math.max(delayMs, 0), 2 ** 31 - 1);
    this.timers.set(live, setTimeout(() => void this.renew(live).catch(() => undefined), delay));
  }

  /** Cancels the background renewal of `live`. */
  stop(live: LiveSession): void {
    clearTimeout(this.timers.get(live));
    this.timers.delete(live);
  }

  private async run(live: LiveSession): Promise<string> {
    this.stop(live);
    // What is renewed: its own servers, client and refresh token, whatever the settings and memory say meanwhile.
    let renewed = live.stored;
    const accessTokenBefore = live.accessToken;
    let facts: Omit<RenewalFacts, 'held'> = { outcome: await this.attempt(renewed), sent: renewed.refreshToken, usedStoredToken: false, failures: live.failedRefreshes };
    for (;;) {
      const decision = decideRenewal({ ...facts, held: this.host.holds(live) });
      switch (decision.kind) {
        case 'renewed':
          return this.keep(live, renewed, decision.tokens, accessTokenBefore);
        case 'signedOutMeanwhile':
          throw decision.error;
        case 'waitForRotation':
          await new Promise(resolve => setTimeout(resolve, decision.ms));
          facts = { ...facts, afterGrace: { stored: await live.store.get(renewed.id) } };
          break;
        case 'useStoredToken':
          live.stored = renewed = decision.session;
          facts = { outcome: await this.attempt(renewed), sent: renewed.refreshToken, usedStoredToken: true, failures: facts.failures };
          break;
        case 'ended':
          await this.host.end(live, decision.reason);
          throw sessionEndedError(renewed.account.label, decision.reason);
        case 'retryLater': {
          const { message } = decision.error as Error;
          live.failedRefreshes++;
          this.host.log.warn(`Renewing the BIMlink session failed; trying again in ${decision.delayMs / 1000} s. ${message}`);
          if (decision.tellUser) this.host.needsAction(live, message);
          this.schedule(live, decision.delayMs);
          throw decision.error;
        }
      }
    }
  }

  private async attempt(session: StoredSession): Promise<RenewalOutcome> {
    if (!session.refreshToken) return { kind: 'noRefreshToken' };
    try {
      return { kind: 'renewed', tokens: await this.host.servers.renew(session) };
    } catch (error) {
      return { kind: 'failed', error };
    }
  }

  /** Keeps what a renewal brought: the rotated refresh token in storage, the access token in memory. */
  private async keep(live: LiveSession, renewed: StoredSession, tokens: TokenSet, accessTokenBefore: string): Promise<string> {
    // Into the session's own storage, even when this window has moved to another environment meanwhile: the server
    // has already replaced the token used, so dropping the new one would end the session.
    const outcome = await this.host.writes.run(async () => {
      const result = afterRenewal(await live.store.get(renewed.id), renewed, tokens.refreshToken);
      if (result.session) live.stored = result.session;
      if (result.store && result.session) await live.store.put(result.session);
      return result;
    });
    if (outcome.revoke.length) await this.host.servers.revoke(renewed, outcome.revoke);
    if (!outcome.session || !this.host.holds(live)) throw new SessionEndedError('You signed out of BIMlink.');
    // a sign-in while this renewal was under way brought an access token of its own: keep that one
    if (live.accessToken === accessTokenBefore || Date.now() >= live.usableUntil) {
      live.accessToken = tokens.accessToken;
      live.usableUntil = usableUntil(tokens);
    }
    live.failedRefreshes = 0;
    this.schedule(live, refreshDueAt(tokens) - Date.now());
    this.host.log.debug(`Renewed the access token of ${live.stored.account.label}.`);
    this.host.renewed(live);
    return live.accessToken;
  }
}
