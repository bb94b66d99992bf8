// The fetch wrapper every BIMlink call goes through: bearer token, caller cancellation, a token renewal on 401
// (which the token source shares among requests), retries for 429/5xx/network failures, and typed errors. Each
// try (timeout, cap on requests in flight) is httpAttempt.ts. It knows nothing about particular endpoints.
import { AbortedMarker, raceAbort, sleep } from './abort';
import { BodyProblem, parseJsonText } from './body';
import { bearerReason, parseBearerChallenge } from './errorDetails';
import {
  CancelledError, MalformedResponseError, NetworkError, RateLimitedError, type RequestLabel, ServerError, TimeoutError,
  UnauthorizedError,
} from './errors';
import type { Fetch } from '../fetch';
import { backoffDelay, DEFAULT_RETRY_POLICY, isIdempotent, isRetryableStatus, parseRetryAfter, type RetryPolicy } from './retry';
import { authFailure, clientError } from './responseErrors';
import { attemptRequest, NetworkFailure, TimeoutMarker, type AttemptSettings, type RawResponse } from './httpAttempt';
import { Semaphore } from './semaphore';
import type { AccessTokenSource } from './tokenSource';

export interface HttpOptions {
  /** API base URL, e.g. `https://api.demo-bimlink.nl` (a path prefix is kept). */
  baseUrl: string;
  /** The Fetch API to use (the extension host's global fetch at run time). */
  fetch: Fetch;
  /** Bearer tokens; omit for an unauthenticated client. */
  tokens?: AccessTokenSource;
  /** Per attempt, from sending the request to the end of its body. Default 30 s. */
  timeoutMs?: number;
  /** Requests in flight at once for this client. Default 4. */
  maxConcurrent?: number;
  retry?: Partial<RetryPolicy>;
  /** Larger bodies are refused. Default 64 MiB. */
  maxBodyBytes?: number;
  /** Sent as User-Agent (where the platform allows it). */
  userAgent?: string;
  /** Told about retries and refreshes (for the log); never given a token. */
  onEvent?: (event: HttpEvent) => void;
  /** For tests: the jitter source. */
  random?: () => number;
}

export type HttpEvent =
  | { type: 'retry'; request: RequestLabel; attempt: number; delayMs: number; reason: 'rate-limited' | 'server' | 'network'; status?: number }
  | { type: 'token-refresh'; request: RequestLabel };

export interface HttpRequest {
  method?: string;
  /** A path from `routes` (already encoded). */
  path: string;
  query?: Record<string, string | number | undefined>;
  /** Send the bearer token (default true). */
  auth?: boolean;
  /** A JSON request body. */
  json?: unknown;
}

export interface HttpResponse {
  status: number;
  headers: { get(name: string): string | null };
  /** The parsed JSON body. */
  body: unknown;
}

export class HttpClient {
  private readonly base: string;
  private readonly tokens: AccessTokenSource | undefined;
  private readonly policy: RetryPolicy;
  private readonly transport: AttemptSettings;

  constructor(private readonly options: HttpOptions) {
    const url = new URL(options.baseUrl);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TypeError('baseUrl must be an http(s) URL');
    this.base = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
    this.tokens = options.tokens;
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.transport = {
      fetch: options.fetch,
      semaphore: new Semaphore(options.maxConcurrent ?? 4),
      timeoutMs: options.timeoutMs ?? 30_000,
      maxBodyBytes: options.maxBodyBytes ?? 64 * 1024 * 1024,
      userAgent: options.userAgent,
    };
  }

  /** Requests in flight right now (for tests and diagnostics). */
  get inFlight(): number {
    return this.transport.semaphore.inUse;
  }

  async send(request: HttpRequest, signal?: AbortSignal): Promise<HttpResponse> {
    const method = (request.method ?? 'GET').toUpperCase();
    const label: RequestLabel = { method, path: request.path };
    try {
      return await this.run(method, request, label, signal);
    } catch (error) {
      // once the caller has aborted, whatever broke afterwards is just the cancellation
      if (error instanceof AbortedMarker || signal?.aborted) {
        throw error instanceof CancelledError ? error : new CancelledError(label);
      }
      throw error;
    }
  }

  private async run(method: string, request: HttpRequest, label: RequestLabel, signal: AbortSignal | undefined): Promise<HttpResponse> {
    const url = this.url(request);
    const useAuth = request.auth !== false && this.tokens !== undefined;
    const tokenSignal = signal ?? new AbortController().signal; // token calls always get a signal
    let token = useAuth ? await this.initialToken(label, tokenSignal) : undefined;
    let failures = 0;
    let rateLimits = 0;
    let refreshed = false;

    for (;;) {
      let raw: RawResponse;
      try {
        raw = await attemptRequest(this.transport, { url, method, json: request.json, token }, signal);
      } catch (error) {
        if (error instanceof TimeoutMarker) throw new TimeoutError(label, this.transport.timeoutMs);
        if (error instanceof BodyProblem) throw new MalformedResponseError(label, error.message);
        if (!(error instanceof NetworkFailure)) throw error;
        if (!isIdempotent(method) || failures >= this.policy.maxRetries) throw new NetworkError(label, error.cause, failures + 1);
        await this.pause(label, failures++, 'network', undefined, undefined, signal);
        continue;
      }

      const { status } = raw;
      if (status >= 200 && status < 300) {
        try {
          return { status, headers: raw.headers, body: parseJsonText(raw.text, raw.headers.get('content-type')) };
        } catch (error) {
          if (error instanceof BodyProblem) throw new MalformedResponseError(label, error.message, status);
          throw error;
        }
      }
      if (status >= 300 && status < 400) {
        throw new MalformedResponseError(label, `the server redirected to ${redirectTarget(raw.headers.get('location'), url)}, and requests that carry your sign-in do not follow redirects`, status);
      }
      if (status === 401) {
        const reason = bearerReason(parseBearerChallenge(raw.headers.get('www-authenticate')));
        if (!useAuth || refreshed || token === undefined) throw new UnauthorizedError(label, reason);
        refreshed = true;
        this.emit({ type: 'token-refresh', request: label });
        token = await this.renewedToken(token, label, reason, tokenSignal);
        continue;
      }
      if (status === 429) {
        const wait = parseRetryAfter(raw.headers.get('retry-after'));
        if (rateLimits >= this.policy.maxRateLimitRetries || (wait !== undefined && wait > this.policy.maxRetryAfterMs)) {
          throw new RateLimitedError(label, wait);
        }
        await this.pause(label, rateLimits++, 'rate-limited', status, wait, signal);
        continue;
      }
      if (status >= 500) {
        if (!isIdempotent(method) || !isRetryableStatus(status) || failures >= this.policy.maxRetries) {
          throw new ServerError(label, status, failures + 1);
        }
        const wait = parseRetryAfter(raw.headers.get('retry-after'));
        await this.pause(label, failures++, 'server', status, wait !== undefined && wait <= this.policy.maxRetryAfterMs ? wait : undefined, signal);
        continue;
      }
      throw clientError(label, raw.status, raw.text);
    }
  }

  private url(request: HttpRequest): string {
    let url = this.base + request.path;
    if (request.query) {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(request.query)) if (value !== undefined) params.set(key, String(value));
      const query = params.toString();
      if (query) url += `?${query}`;
    }
    return url;
  }

  private async pause(label: RequestLabel, attempt: number, reason: 'rate-limited' | 'server' | 'network',
    status: number | undefined, serverWait: number | undefined, signal: AbortSignal | undefined): Promise<void> {
    const backoff = backoffDelay(attempt, this.policy, this.options.random);
    const delayMs = serverWait !== undefined ? Math.max(serverWait, reason === 'rate-limited' ? 0 : backoff) : backoff;
    this.emit({ type: 'retry', request: label, attempt: attempt + 1, delayMs, reason, status });
    await sleep(delayMs, signal);
  }

  private async initialToken(label: RequestLabel, signal: AbortSignal): Promise<string> {
    try {
      return await raceAbort(this.tokens!.getAccessToken(signal), signal);
    } catch (error) {
      throw authFailure(label, undefined, error);
    }
  }

  /** After a 401: the source's newer token (it shares one renewal among the requests refused at once). */
  private async renewedToken(rejected: string, label: RequestLabel, reason: string | undefined, signal: AbortSignal): Promise<string> {
    try {
      return await raceAbort(this.tokens!.refreshAccessToken(rejected, signal), signal);
    } catch (error) {
      throw authFailure(label, reason, error);
    }
  }

  private emit(event: HttpEvent): void {
    try {
      this.options.onEvent?.(event);
    } catch {
      // a faulty listener must not break requests
    }
  }
}

/** Where a redirect points, as an origin (no path or query, which may hold anything). */
function redirectTarget(location: string | null, from: string): string {
  try {
    return location ? new URL(location, from).origin : 'nowhere';
  } catch {
    return 'an unreadable address';
  }
}
