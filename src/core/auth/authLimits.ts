import { AuthServerUnavailableError } from './authErrors';

/** Bounds on one request to the sign-in server. The defaults serve the extension; tests shorten them. */
export interface AuthLimits {
  /** Give up on a request, its answer included, after this long. */
  readonly timeoutMs?: number;
  /** Refuse an answer larger than this many bytes. */
  readonly maxBytes?: number;
}

// Without a timeout a hung sign-in server holds a renewal, and every API request waiting for it, until the OS gives
// up on the connection minutes later. Discovery documents, key sets and token answers are a few KB: 1 MiB leaves
// room for any real one and still bounds what a broken or hostile server can make the extension hold in memory.
export const defaultAuthLimits: Required<AuthLimits> = { timeoutMs: 30_000, maxBytes: 1024 * 1024 };

/** The answer's body as text, read no further than `maxBytes` (the declared length is not trusted alone). */
export async function readBounded(response: Response, maxBytes: number, what: string, origin: string): Promise<string> {
  const tooLarge = () => new AuthServerUnavailableError(`${what} failed: the BIMlink sign-in server at ${origin} sent more than ` +
    `${formatSize(maxBytes)}, the most a sign-in answer may hold.`, { kind: 'too-large' });
  if (Number(response.headers.get('content-length')) > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    text += decoder.decode(value, { stream: true });
  }
}

export function formatDuration(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

function formatSize(bytes: number): string {
  if (bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  return bytes % 1024 === 0 ? `${bytes / 1024} KiB` : `${bytes} bytes`;
}
