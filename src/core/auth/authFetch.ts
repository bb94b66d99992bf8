import { AuthServerUnavailableError, OAuthError } from './authErrors';
import { defaultAuthLimits, formatDuration, readBounded, type AuthLimits } from './authLimits';

import type { Fetch } from '../fetch';

export type { Fetch };

/**
 * Sends one request to the sign-in server; every sign-in request goes through here. Each carries a secret (a code
 * and its verifier, a refresh token, a client secret) or decides where secrets go (discovery, keys), so a redirect
 * is never followed: it is an error that names only the origin it pointed to. Any other non-2xx answer is an error
 * too (an OAuthError when the server says why). Each request, answer included, ends after `limits.timeoutMs` and
 * reads at most `limits.maxBytes`. Returns the JSON object of the answer, if it is one.
 */
export async function sendAuthRequest(fetch: Fetch, url: string, init: RequestInit, what: string,
  limits: AuthLimits = {}): Promise<Record<string, unknown> | undefined> {
  const timeoutMs = limits.timeoutMs ?? defaultAuthLimits.timeoutMs;
  const maxBytes = limits.maxBytes ?? defaultAuthLimits.maxBytes;
  const origin = new URL(url).origin;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
  const failed = (error: unknown, problem: string): never => {
    if (init.signal?.aborted) throw error; // the caller's cancel stays a cancel
    if (timeout.aborted) {
      throw new AuthServerUnavailableError(`${what} failed: the BIMlink sign-in server at ${origin} did not answer within ${formatDuration(timeoutMs)}.`,
        { cause: error, kind: 'timeout' });
    }
    throw new AuthServerUnavailableError(`${what} failed: the BIMlink sign-in server at ${origin} ${problem} (${describe(error)}).`, { cause: error, kind: 'unreachable' });
  };
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal, redirect: 'manual', headers: { accept: 'application/json', ...init.headers } });
  } catch (error) {
    return failed(error, 'could not be reached');
  }
  if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
    await response.body?.cancel().catch(() => undefined);
    throw redirected(response.headers.get('location'), url, what);
  }
  let text: string;
  try {
    text = await readBounded(response, maxBytes, what, origin);
  } catch (error) {
    if (error instanceof AuthServerUnavailableError) throw error;
    return failed(error, 'broke off its answer');
  }
  const object = jsonObject(text);
  if (response.ok) return object;
  if (object && typeof object.error === 'string' && response.status >= 400 && response.status < 500) {
    throw new OAuthError(object.error, typeof object.error_description === 'string' ? object.error_description : undefined, what);
  }
  throw new AuthServerUnavailableError(`${what} failed: the BIMlink sign-in server answered ${response.status} ${response.statusText}.`);
}

/** Reads a JSON object from the sign-in server, mapping every failure to a message that names `what`. */
export async function fetchAuthJson(fetch: Fetch, url: string, init: RequestInit, what: string,
  limits?: AuthLimits): Promise<Record<string, unknown>> {
  const object = await sendAuthRequest(fetch, url, init, what, limits);
  if (object) return object;
  throw new AuthServerUnavailableError(`${what} failed: the BIMlink sign-in server sent a response that is not JSON.`);
}

/** Names the redirect's origin only: its path or query may carry whatever the server put there. */
function redirected(location: string | null, from: string, what: string): AuthServerUnavailableError {
  let target = 'another address';
  try {
    const origin = location ? new URL(location, from).origin : 'null';
    if (origin !== 'null') target = origin;
  } catch { /* not a URL: say so without quoting it */ }
  return new AuthServerUnavailableError(`${what} failed: the BIMlink sign-in server redirected the request to ${target}. ` +
    'Sign-in requests carry secrets, so VS Code does not follow redirects; check the sign-in server address.', { kind: 'redirect' });
}

function jsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const body: unknown = text ? JSON.parse(text) : undefined;
    return typeof body === 'object' && body !== null && !Array.isArray(body) ? body as Record<string, unknown> : undefined;
  } catch {
    return undefined;
  }
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
