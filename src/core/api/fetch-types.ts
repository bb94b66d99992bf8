// The slice of the Fetch API the client uses. At run time it is the extension host's global `fetch` (which VS
// Code patches for proxies and certificates); tests pass undici's. Structural, so either fits without casts.

export interface FetchRequestInit {
  method: string;
  headers: Record<string, string>;
  signal: AbortSignal;
  body?: string;
  redirect: 'manual';
}

export interface FetchResponse {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  readonly body: { getReader(): FetchBodyReader } | null;
}

export interface FetchBodyReader {
  read(): Promise<{ done: boolean; value?: Uint8Array }>;
  cancel(reason?: unknown): Promise<void>;
}

export type FetchFunction = (url: string, init: FetchRequestInit) => Promise<FetchResponse>;
