// Every token the token endpoint has handed out (access, refresh and ID tokens), read from its responses, so that
// tests can check that none of them turns up where it must not: logs, documents, notifications, settings.
import type { ServerResponse } from 'node:http';

const TOKEN_FIELDS = ['access_token', 'refresh_token', 'id_token'] as const;

export class IssuedTokens {
  readonly #tokens = new Set<string>();

  /** Reads the tokens out of a token endpoint response as it is sent. */
  watch(res: ServerResponse): void {
    const chunks: Uint8Array[] = [];
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    const keep = (chunk: unknown) => {
      if (typeof chunk === 'string' || chunk instanceof Uint8Array) chunks.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk);
    };
    res.write = ((chunk: unknown, ...rest: unknown[]) => { keep(chunk); return write(chunk, ...rest); }) as typeof res.write;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => { if (typeof chunk !== 'function') keep(chunk); return end(chunk, ...rest); }) as typeof res.end;
    res.once('finish', () => {
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
        for (const field of TOKEN_FIELDS) if (typeof body[field] === 'string') this.#tokens.add(body[field]);
      } catch {
        // not a token response (an error page): nothing was issued
      }
    });
  }

  list(): string[] {
    return [...this.#tokens];
  }
}
