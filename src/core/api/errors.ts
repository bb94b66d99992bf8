// Typed API errors. Each names the request (method and path, never the query string or the token) and says,
// in words a user understands, what happened and what to do. `kind` lets callers switch without instanceof.

export type ApiErrorKind =
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'bad-request'
  | 'rate-limited'
  | 'server'
  | 'network'
  | 'timeout'
  | 'malformed-response'
  | 'cancelled';

/** What an error says about its request: only the method and the path (ids, no query, no secrets). */
export interface RequestLabel {
  method: string;
  path: string;
}

const describe = (r: RequestLabel): string => `${r.method} ${r.path}`;

/** Strips control characters and caps the length of text that came from the server. */
export function cleanServerText(text: string | undefined, max = 200): string | undefined {
  if (!text) return undefined;
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  if (!clean) return undefined;
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

export abstract class BimlinkApiError extends Error {
  abstract readonly kind: ApiErrorKind;
  readonly method: string;
  readonly path: string;
  /** The HTTP status, when there was a response. */
  readonly status: number | undefined;

  protected constructor(request: RequestLabel, message: string, status?: number, options?: { cause?: unknown }) {
    super(message, options);
    this.method = request.method;
    this.path = request.path;
    this.status = status;
  }

  override get name(): string {
    return this.constructor.name;
  }
}

export class UnauthorizedError extends BimlinkApiError {
  readonly kind = 'unauthorized' as const;
  /** The server's reason (WWW-Authenticate `error_description` or `error`), or why refreshing failed. */
  readonly reason: string | undefined;
  constructor(request: RequestLabel, reason: string | undefined, options?: { cause?: unknown; status?: number }) {
    const why = cleanServerText(reason);
    super(request,
      `BIMlink did not accept your sign-in for ${describe(request)}${why ? ` (${why})` : ''}. Sign in again.`,
      options?.status ?? 401, options);
    this.reason = why;
  }
}

export class ForbiddenError extends BimlinkApiError {
  readonly kind = 'forbidden' as const;
  constructor(request: RequestLabel, detail?: string) {
    const why = cleanServerText(detail);
    super(request, `You have no access to ${describe(request)}${why ? ` (${why})` : ''}. ` +
      'Ask your BIMlink account administrator for access, or pick another domain account.', 403);
  }
}

export class NotFoundError extends BimlinkApiError {
  readonly kind = 'not-found' as const;
  /** What the server said about it, cleaned. */
  readonly detail: string | undefined;
  constructor(request: RequestLabel, detail?: string) {
    const why = cleanServerText(detail);
    super(request, `BIMlink found nothing at ${describe(request)}${why ? ` (${why})` : ''}. ` +
      'It may have been removed, or it is not visible to you. Refresh and try again.', 404);
    this.detail = why;
  }
}

/**
 * A collection answered 404 under every path it was asked at: this server serves it elsewhere, or not at all.
 * Refreshing cannot help, so the message says what was asked and what to do instead.
 */
export class CollectionNotFoundError extends BimlinkApiError {
  readonly kind = 'not-found' as const;
  constructor(request: RequestLabel, readonly collection: string, readonly triedPaths: readonly string[], detail?: string) {
    const tried = triedPaths.map(p => `"${p}"`).join(', ');
    const why = cleanServerText(detail);
    super(request, `This BIMlink server has no collection "${collection}" for this project phase: GET ${request.path} ` +
      `answered 404 Not Found${why ? ` (${why})` : ''}${triedPaths.length > 1 ? `, and so did the other names tried: ${tried}` : ''}. ` +
      'If the server names it otherwise, set bimlink.collections to that name, or choose another collection.', 404);
  }
}

export class BadRequestError extends BimlinkApiError {
  readonly kind = 'bad-request' as const;
  /** The problem details' field errors, e.g. `{ limit: ['must be at most 1000'] }`. */
  readonly fieldErrors: Record<string, string[]>;
  constructor(request: RequestLabel, status: number, detail?: string, fieldErrors: Record<string, string[]> = {}) {
    const why = cleanServerText(detail, 300);
    super(request, `BIMlink rejected ${describe(request)} (${status}${why ? `: ${why}` : ''}).`, status);
    this.fieldErrors = fieldErrors;
  }
}

export class RateLimitedError extends BimlinkApiError {
  readonly kind = 'rate-limited' as const;
  /** How long the server asked to wait, when it said so. */
  readonly retryAfterMs: number | undefined;
  constructor(request: RequestLabel, retryAfterMs: number | undefined) {
    const wait = retryAfterMs === undefined ? 'a moment' : formatDuration(retryAfterMs);
    super(request, `BIMlink is receiving too many requests (${describe(request)}). Try again in ${wait}.`, 429);
    this.retryAfterMs = retryAfterMs;
  }
}

export class ServerError extends BimlinkApiError {
  readonly kind = 'server' as const;
  constructor(request: RequestLabel, status: number, attempts: number) {
    super(request, `BIMlink had a problem answering ${describe(request)} (HTTP ${status}` +
      `${attempts > 1 ? `, ${attempts} attempts` : ''}). Try again later.`, status);
  }
}

export class NetworkError extends BimlinkApiError {
  readonly kind = 'network' as const;
  constructor(request: RequestLabel, cause: unknown, attempts: number) {
    const code = networkCode(cause);
    super(request, `Could not reach BIMlink for ${describe(request)}${code ? ` (${code})` : ''}` +
      `${attempts > 1 ? ` after ${attempts} attempts` : ''}. Check your network connection and proxy settings.`,
      undefined, { cause });
  }
}

export class TimeoutError extends BimlinkApiError {
  readonly kind = 'timeout' as const;
  readonly timeoutMs: number;
  constructor(request: RequestLabel, timeoutMs: number) {
    super(request, `BIMlink did not answer ${describe(request)} within ${formatDuration(timeoutMs)}. ` +
      'The server may be busy; try again.');
    this.timeoutMs = timeoutMs;
  }
}

export class MalformedResponseError extends BimlinkApiError {
  readonly kind = 'malformed-response' as const;
  /** What was wrong, e.g. "an HTML page instead of JSON". */
  readonly problem: string;
  constructor(request: RequestLabel, problem: string, status?: number, options?: { cause?: unknown }) {
    super(request, `BIMlink sent an answer to ${describe(request)} that could not be read: ${problem}. ` +
      'Try again; if it keeps happening, a proxy or the server is sending the wrong content.', status, options);
    this.problem = problem;
  }
}

export class CancelledError extends BimlinkApiError {
  readonly kind = 'cancelled' as const;
  constructor(request: RequestLabel) {
    super(request, `${describe(request)} was cancelled.`);
  }
}

export function isBimlinkApiError(error: unknown): error is BimlinkApiError {
  return error instanceof BimlinkApiError;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  const s = Math.round(ms / 1000);
  if (s < 120) return `${s} s`;
  return `${Math.round(s / 60)} min`;
}

/** A short, secret-free code for a low-level network failure (fetch wraps the real error in `cause`). */
function networkCode(error: unknown): string | undefined {
  for (let e = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[A-Z_]+$/.test(code)) return code;
  }
  return undefined;
}
