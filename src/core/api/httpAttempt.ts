// One try of a request: a permit, the request, its whole body, all under the per-try timeout and the caller's
// signal. What goes wrong comes out as a marker, which the retry loop in http.ts turns into a typed error.
import { AbortedMarker, childController } from './abort';
import { BodyProblem, readBodyText } from './body';
import type { Fetch } from '../fetch';
import type { Semaphore } from './semaphore';

/** A transport failure that may be retried, kept apart from typed errors until retries run out. */
export class NetworkFailure {
  constructor(readonly cause: unknown) {}
}
/** The try took longer than the timeout. */
export class TimeoutMarker {}

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
}

export interface AttemptSettings {
  readonly fetch: Fetch;
  readonly semaphore: Semaphore;
  readonly timeoutMs: number;
  readonly maxBodyBytes: number;
  readonly userAgent?: string;
}

export interface AttemptRequest {
  readonly url: string;
  readonly method: string;
  readonly json?: unknown;
  readonly token?: string;
}

const ERROR_BODY_LIMIT = 64 * 1024;

/** Sends the request once. Throws AbortedMarker, TimeoutMarker, BodyProblem or NetworkFailure. */
export async function attemptRequest(settings: AttemptSettings, request: AttemptRequest,
  signal: AbortSignal | undefined): Promise<RawResponse> {
  const release = await settings.semaphore.acquire(signal);
  const { controller, dispose } = childController(signal);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, settings.timeoutMs);
  try {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (request.token !== undefined) headers.authorization = `Bearer ${request.token}`;
    if (settings.userAgent) headers['user-agent'] = settings.userAgent;
    let body: string | undefined;
    if (request.json !== undefined) {
      body = JSON.stringify(request.json);
      headers['content-type'] = 'application/json';
    }
    // never follow a redirect: it could carry the bearer token to a host the user did not choose
    const response = await settings.fetch(request.url, { method: request.method, headers, signal: controller.signal, body, redirect: 'manual' });
    const ok = response.status >= 200 && response.status < 300;
    const text = ok
      ? await readBodyText(response, settings.maxBodyBytes)
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
