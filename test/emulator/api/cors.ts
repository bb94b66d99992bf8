// CORS for browser clients (e.g. VS Code for the Web): any origin may call the API with a
// bearer token (no cookies), and may read the pagination headers.

import type { FastifyInstance } from 'fastify';
import { PAGINATION } from '../routes';

const EXPOSED = [...Object.values(PAGINATION.headers), 'WWW-Authenticate', 'Retry-After'].join(', ');

export function registerCors(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin;
    if (!origin) return;
    reply.header('Access-Control-Allow-Origin', origin);
    reply.header('Vary', 'Origin');
    reply.header('Access-Control-Expose-Headers', EXPOSED);
  });
  // Preflight for every path fastify serves.
  app.options('/*', async (request, reply) => {
    reply
      .header('Access-Control-Allow-Methods', 'GET, POST, PUT, OPTIONS')
      .header('Access-Control-Allow-Headers', request.headers['access-control-request-headers'] ?? 'Authorization, Content-Type')
      .header('Access-Control-Max-Age', '600')
      .code(204)
      .send();
  });
}
