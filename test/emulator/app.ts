// The fastify application: everything on the emulator's origin that is not oidc-provider
// (the API, the login pages, /connect/userinfo, the OpenAPI document, /__admin).

import Fastify, { type FastifyInstance } from 'fastify';
import type Provider from 'oidc-provider';
import { registerAdmin, type EmulatorControl } from './admin';
import type { BearerResult } from './api/bearer';
import { registerCors } from './api/cors';
import { sendProblem } from './api/problems';
import { registerApi } from './api/registerApi';
import { registerInteractions } from './auth/interactions';
import { API_SCOPE } from './auth/oidc';
import { registerUserinfo } from './auth/userinfo';
import type { DemoData } from './data/demoData';
import type { Dialect } from './dialects';
import type { FaultController } from './faults';
import { buildOpenApiDocument } from './openapi';
import type { Stats } from './stats';

export const OPENAPI_PATH = '/swagger/v1/swagger.json';

export interface AppDependencies {
  readonly baseUrl: string;
  readonly provider: Provider;
  readonly data: DemoData;
  readonly faults: FaultController;
  readonly stats: Stats;
  readonly verify: (authorization: string | undefined) => Promise<BearerResult>;
  readonly control: EmulatorControl;
  readonly autoLogin: () => string | undefined;
  readonly dialect: Dialect;
}

export async function buildApp(deps: AppDependencies): Promise<FastifyInstance> {
  // ASP.NET routing is case-insensitive and ignores a trailing slash.
  const app = Fastify({ logger: false, routerOptions: { caseSensitive: false, ignoreTrailingSlash: true } });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });
  registerCors(app);

  // A dialect without the document answers its path with the usual 404 (not-found handler below).
  const servesOpenApi = deps.dialect.openApiDocument;
  if (servesOpenApi) {
    const openApi = JSON.stringify(buildOpenApiDocument(deps.baseUrl));
    app.get(OPENAPI_PATH, async (_request, reply) => reply.type('application/json; charset=utf-8').send(openApi));
  }
  app.get('/', async () => ({
    name: 'BIMlink emulator',
    ...(servesOpenApi ? { openapi: `${deps.baseUrl}${OPENAPI_PATH}` } : {}),
    discovery: `${deps.baseUrl}/.well-known/openid-configuration`,
    admin: `${deps.baseUrl}/__admin`,
  }));

  registerUserinfo(app, deps.verify);
  registerInteractions(app, { provider: deps.provider, autoLogin: deps.autoLogin });
  registerAdmin(app, deps.control);
  // Its own scope, so the fault and bearer hooks apply to the API routes only.
  await app.register(async (api) => registerApi(api, { ...deps, requiredScope: API_SCOPE }));

  app.setNotFoundHandler((request, reply) => sendProblem(reply, 404, `No route for ${request.method} ${request.url.split('?')[0]}.`));
  await app.ready();
  return app;
}
