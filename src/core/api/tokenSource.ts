// Where the client gets its bearer token. The source owns renewal: the client passes every 401 on to it, with the
// caller's signal, and does not de-duplicate renewals itself (SharedRenewal does that, once, in the source).
import { AbortedMarker, raceAbort } from './abort';

export interface AccessTokenSource {
  /** The current access token (may come from memory; renew it first if it is known to be expired). */
  getAccessToken(signal: AbortSignal): Promise<string>;
  /**
   * The server rejected `rejected` (401): a newer access token. Callers rejected at the same time share one renewal,
   * and a token already replaced gets its replacement without another. Throw when renewing is impossible (refresh
   * token revoked or expired → the user must sign in again). `signal` ends the caller's wait.
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

/**
 * One renewal at a time: a caller that asks while one is under way joins it; the next call after it settled starts
 * a new one. A caller's signal ends only that caller's wait. The renewal itself goes on: the token endpoint may
 * already have rotated the refresh token, and dropping its answer would end the session.
 */
export class SharedRenewal<T> {
  private running: Promise<T> | undefined;

  constructor(private readonly renew: () => Promise<T>) {}

  run(signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(new AbortedMarker());
    const running = this.running ??= this.renew().finally(() => { if (this.running === running) this.running = undefined; });
    return raceAbort(running, signal);
  }

  /** Settles once the renewal under way, if any, has, whatever its outcome. */
  async settled(): Promise<void> {
    await this.running?.catch(() => undefined);
  }
}
