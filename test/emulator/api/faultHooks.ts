// Applies the current faults to the API routes of one fastify scope.

import type { FastifyInstance } from 'fastify';
import type { FaultController } from '../faults';
import type { Stats } from '../stats';
import { faultResponse, sleep, truncateJson } from './faultResponses';

export function registerFaultHooks(app: FastifyInstance, faults: FaultController, stats: Stats): void {
  app.addHook('onRequest', async (_request, reply) => {
    const fault = faults.decide();
    if (fault.latencyMs > 0) {
      stats.fault('latency');
      await sleep(fault.latencyMs);
    }
    if (fault.status) {
      stats.fault(fault.status === 429 ? 'rateLimited' : 'serverError');
      const response = faultResponse(fault.status, faults.get().retryAfterSeconds);
      return reply.code(response.status).headers(response.headers).send(response.body);
    }
    return undefined;
  });

  app.addHook('onSend', async (_request, reply, payload) => {
    if (reply.statusCode !== 200 || typeof payload !== 'string' || !faults.malformJson()) return payload;
    stats.fault('malformedJson');
    return truncateJson(payload);
  });
}
