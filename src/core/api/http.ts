// The fetch wrapper every BIMlink call goes through: bearer token, per-request timeout, caller cancellation,
// a cap on requests in flight, one shared token refresh on 401, retries for 429/5xx/network failures,
// and typed errors. It knows nothing about particular endpoints (routes.ts and client.ts do).
import { AbortedMarker, childController, sleep } from './abort';
import { BodyProblem, parseJsonText, readBodyText } from './body';
import { bearerReason, parseBearerChallenge } from './errorDetails';
import {
  CancelledError, MalformedResponseError, NetworkError, RateLimitedError, type RequestLabel, ServerError, TimeoutError,
  UnauthorizedError,
} from './errors';
import type { Fetch } from '../fetch';
import { backoffDelay, DEFAULT_RETRY_POLICY, isIdempotent, isRetryableStatus, parseRetryAfter, type RetryPolicy } from './retry';
import { authFailure, clientError } from './responseErrors';
import { Semaphore } from './semaphore';
import { type AccessTokenSource, SharedTokenRefresh } from './tokenSource';

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

const ERROR_BODY_LIMIT = 64 * 1024;

/** Internal: a transport failure that may be retried, kept apart from typed errors until retries run out. */
class NetworkFailure {
  constructor(readonly cause: unknown) {}
}
class TimeoutMarker {}

interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
}

export class HttpClient {
  private readonly base: string;
  private readonly fetchFn: Fetch;
  private readonly tokens: SharedTokenRefresh | undefined;
  private readonly timeoutMs: number;
  private readonly policy: RetryPolicy;
  private readonly maxBodyBytes: number;
  private readonly semaphore: Semaphore;

  constructor(private readonly options: HttpOptions) {
    const url = new URL(options.baseUrl);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TypeError('baseUrl must be an http(s) URL');
    this.base = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
    this.fetchFn = options.fetch;
    this.tokens = options.tokens ? new SharedTokenRefresh(options.tokens) : undefined;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.maxBodyBytes = options.maxBodyBytes ?? 64 * 1024 * 1024;
    this.semaphore = new Semaphore(options.maxConcurrent ?? 4);
  }

  /** Requests in flight right now (for tests and diagnostics). */
  get inFlight(): number {
    return this.semaphore.inUse;
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
        raw = await this.attempt(url, method, request, token, signal);
      } catch (error) {
        if (error instanceof TimeoutMarker) throw new TimeoutError(label, this.timeoutMs);
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

  /** One try: a permit, the request, its whole body, all under the timeout and the caller's signal. */
  private async attempt(url: string, method: string, request: HttpRequest, token: string | undefined,
    signal: AbortSignal | undefined): Promise<RawResponse> {
    const release = await this.semaphore.acquire(signal);
    const { controller, dispose } = childController(signal);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs);
    try {
      const headers: Record<string, string> = { accept: 'application/json' };
      if (token !== undefined) headers.authorization = `Bearer ${token}`;
      if (this.options.userAgent) headers['user-agent'] = this.options.userAgent;
      let body: string | undefined;
      if (request.json !== undefined) {
        body = JSON.stringify(request.json);
        headers['content-type'] = 'application/json';
      }
      // never follow a redirect: it could carry the bearer token to a host the user did not choose
      const response = await this.fetchFn(url, { method, headers, signal: controller.signal, body, redirect: 'manual' });
      const ok = response.status >= 200 && response.status < 300;
      const text = ok
        ? await readBodyText(response, this.maxBodyBytes)
        : await readBodyText(response, ERROR_BODY_LIMIT).catch(() => '');
      if (controller.signal.aborted) throw new Error('aborted');
      return { status: response.status, headers: response.headers, text };
    } catch (error) {
      if (signal?.aborted) throw new AbortedMarker();
      if (timedOut) throw new TimeoutMarker();
      if (error instanceof BodyProblem) throw error;
      throw new NetworkFailure(error);
    } finally {
      clearTimeout(timer);
      dispose();
      release();
    }
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
      return await this.tokens!.getAccessToken(signal);
    } catch (error) {
      throw authFailure(label, undefined, error);
    }
  }

  /** After a 401: a newer token if the source already has one, else one shared refresh. */
  private async renewedToken(rejected: string, label: RequestLabel, reason: string | undefined, signal: AbortSignal): Promise<string> {
    try {
      const current = await this.tokens!.getAccessToken(signal);
      if (current !== rejected) return current;
      return await this.tokens!.refresh(rejected, signal);
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
