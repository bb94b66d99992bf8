// /connect/userinfo, served by the emulator rather than oidc-provider: oidc-provider only
// accepts tokens WITHOUT an audience there, while IdentityServer (and so BIMlink) accepts the
// API's own access token. Same bearer check as the API.

import type { FastifyInstance } from 'fastify';
import { findUserBySub } from '../data/users';
import type { BearerResult } from '../api/bearer';
import { OIDC_ROUTES } from './oidc';

export function registerUserinfo(app: FastifyInstance, verify: (authorization: string | undefined) => Promise<BearerResult>): void {
  app.route({
    method: ['GET', 'POST'],
    url: OIDC_ROUTES.userinfo,
    handler: async (request, reply) => {
      const result = await verify(request.headers.authorization);
      if (!result.ok) return reply.code(401).header('WWW-Authenticate', result.challenge).send();
      const user = findUserBySub(result.token.sub);
      if (!user) return reply.code(401).header('WWW-Authenticate', 'Bearer error="invalid_token", error_description="Unknown subject"').send();
      const scopes = result.token.scopes;
      if (!scopes.includes('openid')) return reply.code(403).header('WWW-Authenticate', 'Bearer error="insufficient_scope", scope="openid"').send();
      const email = scopes.includes('email') ? { email: user.email, email_verified: true } : {};
      return reply.header('Cache-Control', 'no-store').send({ sub: user.sub, name: user.name, ...email });
    },
  });
}
