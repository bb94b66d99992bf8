import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** The fixed loopback port of the redirect URI is taken: sign-in cannot receive its answer there. */
export class LoopbackPortBusyError extends Error {
  constructor(readonly port: number) {
    super(`Port ${port} on 127.0.0.1 is in use by another program, so VS Code cannot receive the BIMlink sign-in there. ` +
      'Close that program and try again, or change the "bimlink.redirectUri" setting (and have BIMlink register the new redirect URI).');
    this.name = 'LoopbackPortBusyError';
  }
}

export interface LoopbackRedirectServer {
  /** Resolves with what the first redirect that `accept` takes brought back. */
  readonly received: Promise<URLSearchParams>;
  /** Stops listening and drops open connections. Safe to call more than once. */
  close(): Promise<void>;
}

/**
 * Listens on 127.0.0.1 only, at the port and path of a `http://127.0.0.1:<port>/<path>` redirect URI, for the
 * browser's return from the sign-in page. Each redirect is shown to `accept`: a redirect it rejects (a wrong
 * `state`, say) gets an error page and the server goes on waiting for the right one; the first it accepts (or
 * that ends the attempt with an error) settles `received`. The server closes itself once settled.
 */
export async function startLoopbackRedirectServer(redirectUri: string,
  accept: (query: URLSearchParams) => 'accept' | 'ignore' | Error): Promise<LoopbackRedirectServer> {
  const target = new URL(redirectUri);
  const port = Number(target.port);
  let settle!: { resolve: (query: URLSearchParams) => void; reject: (error: Error) => void };
  const received = new Promise<URLSearchParams>((resolve, reject) => { settle = { resolve, reject }; });
  received.catch(() => undefined); // the caller handles it; no unhandled rejection when it only closes

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    if (request.method !== 'GET' || url.pathname !== target.pathname) return page(response, 404, 'Not found', 'This address is only for returning from the BIMlink sign-in.');
    const verdict = accept(url.searchParams);
    if (verdict === 'ignore') {
      return page(response, 400, 'This sign-in response is not for VS Code', 'It does not belong to the sign-in that VS Code started. Start the sign-in again from VS Code.');
    }
    if (verdict instanceof Error) {
      page(response, 400, 'BIMlink did not sign you in', `${verdict.message} You can close this tab and return to VS Code.`);
      settle.reject(verdict);
    } else {
      page(response, 200, 'You are signed in to BIMlink', 'You can close this tab and return to VS Code.');
      settle.resolve(url.searchParams);
    }
    void close();
  });

  let closed: Promise<void> | undefined;
  const close = (): Promise<void> => closed ??= new Promise<void>(resolve => {
    server.close(() => resolve());
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), 1000).unref(); // let the last page reach the browser first
  });
  await listen(server, port);
  return { received, close };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' || error.code === 'EACCES' ? new LoopbackPortBusyError(port) : error);
    });
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => resolve());
  });
}

function page(response: ServerResponse<IncomingMessage>, status: number, title: string, text: string): void {
  const escape = (s: string) => s.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);
  response.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    'referrer-policy': 'no-referrer',
  });
  response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title>` +
    '<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#222}</style></head>' +
    `<body><h1>${escape(title)}</h1><p>${escape(text)}</p></body></html>`);
}
