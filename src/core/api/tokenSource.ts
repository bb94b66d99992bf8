// Where the client gets its bearer token. The VS Code auth layer implements AccessTokenSource later; the client
// wraps it in SharedTokenRefresh so that any number of requests hitting 401 at once cause ONE refresh.
import { AbortedMarker, raceAbort } from './abort';

export interface AccessTokenSource {
  /** The current access token (may come from memory; refresh it first if it is known to be expired). */
  getAccessToken(signal: AbortSignal): Promise<string>;
  /**
   * The server rejected `rejected` (401): get a new access token (e.g. with the refresh token) and return it.
   * Throw when that is impossible (refresh token revoked or expired → the user must sign in again).
   */
  refreshAccessToken(rejected: string, signal: AbortSignal): Promise<string>;
}

/** A fixed token, for scripts and tests: refreshing is impossible. */
export function staticTokenSource(token: string): AccessTokenSource {
  return {
    getAccessToken: async () => token,
    refreshAccessToken: async () => {
      throw new Error('this token cannot be refreshed');
    },
  };
}

interface Flight {
  promise: Promise<string>;
  controller: AbortController;
  waiters: number;
}

/**
 * Single-flight refresh: callers that were rejected while a refresh is running join it; a caller rejected
 * with a token that was already replaced gets the replacement without another refresh. The shared refresh is
 * aborted only when every caller waiting for it has given up.
 */
export class SharedTokenRefresh {
  private flight: Flight | undefined;
  /** The last completed refresh: which token it replaced and with what. */
  private last: { from: string; to: string } | undefined;

  constructor(private readonly source: AccessTokenSource) {}

  getAccessToken(signal: AbortSignal): Promise<string> {
    return raceAbort(this.source.getAccessToken(signal), signal);
  }

  async refresh(rejected: string, signal: AbortSignal): Promise<string> {
    if (signal.aborted) throw new AbortedMarker();
    if (!this.flight && this.last && this.last.from === rejected) return this.last.to;
    const flight = this.flight ?? this.start(rejected);
    flight.waiters++;
    try {
      return await raceAbort(flight.promise, signal);
    } finally {
      flight.waiters--;
      if (flight.waiters === 0 && this.flight === flight) {
        // everyone gave up: stop the refresh, and let the next caller start a fresh one
        this.flight = undefined;
        flight.controller.abort();
      }
    }
  }

  private start(rejected: string): Flight {
    const controller = new AbortController();
    const flight: Flight = {
      controller,
      waiters: 0,
      promise: Promise.resolve()
        .then(() => this.source.refreshAccessToken(rejected, controller.signal))
        .then(
          token => {
            this.last = { from: rejected, to: token };
            return token;
          },
        )
        .finally(() => {
          if (this.flight === flight) this.flight = undefined;
        }),
    };
    flight.promise.catch(() => undefined); // waiters see the failure; no unhandled rejection if all left
    this.flight = flight;
    return flight;
  }
}
