// /__admin: lets tests and benchmarks steer a running emulator (also one started with the CLI).
// No auth (the emulator listens on loopback) and no faults applied.

import type { FastifyInstance } from 'fastify';
import { FaultValidationError, type Faults } from './faults';
import type { StatsSnapshot } from './stats';

/** What the admin endpoints control; the Emulator object offers the same in-process. */
export interface EmulatorControl {
  readonly faults: { get(): Faults; set(patch: Partial<Faults>): Faults };
  stats(): StatsSnapshot & { readonly stored: Record<string, number> };
  /** Every access, refresh and ID token issued since the start. */
  issuedTokens(): string[];
  revokeRefreshTokens(email: string): { grants: number; refreshTokens: number } | undefined;
  setAutoLogin(email: string | undefined): void;
  reset(): void;
  info(): Record<string, unknown>;
}

export const ADMIN_PREFIX = '/__admin';

export function registerAdmin(app: FastifyInstance, control: EmulatorControl): void {
  app.get(ADMIN_PREFIX, async () => control.info());
  app.get(`${ADMIN_PREFIX}/faults`, async () => control.faults.get());
  const setFaults = async (request: { body: unknown }, reply: { code(status: number): { send(body: unknown): unknown } }): Promise<unknown> => {
    try {
      return control.faults.set(request.body as Partial<Faults>);
    } catch (error) {
      if (error instanceof FaultValidationError) return reply.code(400).send({ error: error.message });
      throw error;
    }
  };
  app.put(`${ADMIN_PREFIX}/faults`, setFaults);
  app.patch(`${ADMIN_PREFIX}/faults`, setFaults);
  app.get(`${ADMIN_PREFIX}/stats`, async () => control.stats());
  app.get(`${ADMIN_PREFIX}/issued-tokens`, async () => ({ tokens: control.issuedTokens() }));
  app.post(`${ADMIN_PREFIX}/reset`, async () => {
    control.reset();
    return control.faults.get();
  });
  app.post<{ Params: { email: string } }>(`${ADMIN_PREFIX}/users/:email/revoke-refresh-tokens`, async (request, reply) => {
    const result = control.revokeRefreshTokens(request.params.email);
    if (!result) return reply.code(404).send({ error: `No demo user '${request.params.email}'` });
    return { email: request.params.email, ...result };
  });
  app.put<{ Body: { email?: unknown } }>(`${ADMIN_PREFIX}/auto-login`, async (request, reply) => {
    const email = request.body?.email;
    if (email !== null && typeof email !== 'string') return reply.code(400).send({ error: 'Send { "email": "<demo user>" } or { "email": null }' });
    try {
      control.setAutoLogin(email ?? undefined);
    } catch (error) {
      return reply.code(400).send({ error: (error as Error).message });
    }
    return { autoLogin: email };
  });
}
