// Small HTTP helpers for tests against an emulator.

export interface ApiResponse<T = unknown> {
  readonly status: number;
  readonly headers: Headers;
  /** Parsed JSON, or undefined when the body is empty or not JSON. */
  readonly body: T;
  readonly text: string;
}

/** GET `path` (relative to the emulator URL) with an optional bearer token. */
export async function apiGet<T = unknown>(emulator: { readonly url: string }, path: string, token?: string, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
  const response = await fetch(new URL(path, `${emulator.url}/`), {
    headers: { accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
  });
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, body: body as T, text };
}

/** The three pagination headers as numbers (NaN when absent). */
export function paginationOf(headers: Headers): { limit: number; offset: number; total: number } {
  const read = (name: string): number => (headers.has(name) ? Number(headers.get(name)) : NaN);
  return { limit: read('Pagination-Limit'), offset: read('Pagination-Offset'), total: read('Pagination-Result') };
}
