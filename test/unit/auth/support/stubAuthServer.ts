import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

/** One request a stub server received, body included. */
export interface ReceivedRequest {
  readonly method: string;
  readonly path: string;
  readonly body: string;
}

/** A sign-in server that misbehaves on purpose, on 127.0.0.1 at a free port. */
export interface StubAuthServer {
  /** Its origin, e.g. http://127.0.0.1:40123. */
  readonly url: string;
  readonly requests: ReceivedRequest[];
  close(): Promise<void>;
}

type Handler = (request: ReceivedRequest, response: ServerResponse<IncomingMessage>) => void;

/** Starts a node:http server that records every request (body read in full) and hands it to `handle`. */
export async function startStubAuthServer(handle: Handler): Promise<StubAuthServer> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => { body += chunk; });
    request.on('end', () => {
      const received = { method: request.method ?? '', path: request.url ?? '', body };
      requests.push(received);
      handle(received, response);
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>(resolve => {
      server.closeAllConnections(); // a hanging handler never ends its response
      server.close(() => resolve());
    }),
  };
}

/** Answers with a JSON body. */
export function sendJson(response: ServerResponse<IncomingMessage>, body: unknown, status = 200): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}
