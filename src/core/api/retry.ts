// When to try again and how long to wait: exponential back-off with jitter for 5xx and network failures
// (GETs only), the server's Retry-After for 429 (and 503), all bounded so a call always ends.

export interface RetryPolicy {
  /** Extra attempts after a 5xx or network failure (GET only). */
  maxRetries: number;
  /** First back-off step; doubles per attempt. */
  baseDelayMs: number;
  /** Largest back-off step. */
  maxDelayMs: number;
  /** Extra attempts after a 429 (the request was not processed, so any method may repeat). */
  maxRateLimitRetries: number;
  /** A Retry-After longer than this is not waited for: the call fails at once and says how long to wait. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 3,
  baseDelayMs: 300,
  maxDelayMs: 8_000,
  maxRateLimitRetries: 3,
  maxRetryAfterMs: 60_000,
};

/**
 * The wait before retry number `attempt` (0-based): "equal jitter", i.e. uniformly in [step/2, step] with
 * step = min(maxDelay, base · 2^attempt). Half the step is guaranteed (no hammering), half is spread out.
 */
export function backoffDelay(attempt: number, policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>,
  random: () => number = Math.random): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt));
  const r = Math.min(1, Math.max(0, random()));
  return Math.round(step / 2 + (step / 2) * r);
}

/**
 * Parses Retry-After: delay-seconds (`120`; a decimal is tolerated) or an HTTP-date. Returns milliseconds
 * from `nowMs` (never negative), or undefined when the header is absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number = Date.now()): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  if (!/[a-z]{3}/i.test(text)) return undefined; // every HTTP-date form names a month; "-5" or "1 2" is junk
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

/** 5xx statuses worth repeating: all but 501 Not Implemented and 505 HTTP Version Not Supported. */
export function isRetryableStatus(status: number): boolean {
  return status >= 500 && status <= 599 && status !== 501 && status !== 505;
}

/** Methods that may be repeated after a failure whose effect on the server is unknown. */
export function isIdempotent(method: string): boolean {
  return method === 'GET' || method === 'HEAD' || method === 'OPTIONS';
}
