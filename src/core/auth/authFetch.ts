import { AuthServerUnavailableError, OAuthError } from './authErrors';

/** The Fetch API as the extension host provides it (VS Code patches it for proxies and certificates). */
export type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

/** Reads a JSON object from the sign-in server, mapping every failure to a message that names `what`. */
export async function fetchAuthJson(fetch: Fetch, url: string, init: RequestInit, what: string): Promise<Record<string, unknown>> {
  let response: Response;
  try {
    // a redirect could take the code, verifier or refresh token to another host: it is an error, never followed
    response = await fetch(url, { ...init, redirect: 'manual', headers: { accept: 'application/json', ...init.headers } });
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new AuthServerUnavailableError(`${what} failed: the BIMlink sign-in server at ${new URL(url).origin} could not be reached (${describe(error)}).`, { cause: error });
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  const object = typeof body === 'object' && body !== null && !Array.isArray(body) ? body as Record<string, unknown> : undefined;
  if (response.ok && object) return object;
  if (object && typeof object.error === 'string' && response.status >= 400 && response.status < 500) {
    throw new OAuthError(object.error, typeof object.error_description === 'string' ? object.error_description : undefined, what);
  }
  throw new AuthServerUnavailableError(response.ok
    ? `${what} failed: the BIMlink sign-in server sent a response that is not JSON.`
    : `${what} failed: the BIMlink sign-in server answered ${response.status} ${response.statusText}.`);
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
