// One emulator instance: one Node http server on 127.0.0.1. Requests for /connect/* (except
// userinfo) and /.well-known/* go to oidc-provider; everything else to fastify.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EmulatorControl } from './admin';
import { buildApp } from './app';
import { createBearerVerifier } from './api/bearer';
import { faultResponse, sleep } from './api/faultResponses';
import { CONFIDENTIAL_CLIENT_ID, CONFIDENTIAL_CLIENT_SECRET, DEFAULT_REDIRECT_URIS, PUBLIC_CLIENT_ID, clientRegistrations } from './auth/clients';
import { createSigningKeys } from './auth/keys';
import { API_AUDIENCE, OIDC_ROUTES, SUPPORTED_SCOPES, createOidcProvider } from './auth/oidc';
import { TokenStore } from './auth/tokenStore';
import { DEMO_IDS } from './data/catalog';
import { DemoData } from './data/demoData';
import { DIALECTS, type DialectName } from './dialects';
import { DEMO_USERS, findUserByEmail, type DemoUser } from './data/users';
import { FaultController } from './faults';
import { IssuedTokens } from './issuedTokens';
import { resolveOptions, type EmulatorOptions } from './options';
import { Stats, type RequestArea } from './stats';

export interface Emulator extends EmulatorControl {
  /** The faults now in force: read, change some, or go back to the start options. */
  readonly faults: Pick<FaultController, 'get' | 'set' | 'reset'>;
  /** Base URL without a trailing slash; also the OIDC issuer. */
  readonly url: string;
  readonly port: number;
  readonly users: readonly DemoUser[];
  readonly clients: {
    readonly publicClientId: string;
    readonly confidentialClientId: string;
    readonly confidentialClientSecret: string;
    readonly redirectUris: readonly string[];
    readonly scopes: readonly string[];
  };
  /** Well-known domain account and phase ids. */
  readonly ids: typeof DEMO_IDS;
  /** Object instances per ordinary phase and in "Groot model". */
  readonly sizes: { readonly objectInstances: number; readonly largePhaseObjectInstances: number };
  /** How the API spells things (dialects.ts). */
  readonly dialect: DialectName;
  close(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const config = resolveOptions(options, DEFAULT_REDIRECT_URIS);
  if (config.autoLogin !== undefined && !findUserByEmail(config.autoLogin)) throw new RangeError(`autoLogin: no demo user '${config.autoLogin}'`);

  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host}:${port}`;

  const faults = new FaultController(config.faults, config.seed);
  const stats = new Stats();
  const issuedTokens = new IssuedTokens();
  const store = new TokenStore();
  const keys = await createSigningKeys();
  const data = new DemoData(config);
  let autoLogin = config.autoLogin;

  const provider = createOidcProvider({
    issuer: url,
    keys,
    store,
    clients: clientRegistrations(config.redirectUris),
    accessTokenLifetime: () => faults.get().accessTokenLifetimeSeconds,
    refreshTokenLifetimeSeconds: config.refreshTokenLifetime,
  });
  const verify = createBearerVerifier({ issuer: url, audience: API_AUDIENCE, publicJwk: keys.publicJwk, clockToleranceSeconds: config.clockToleranceSeconds });

  const clients = {
    publicClientId: PUBLIC_CLIENT_ID,
    confidentialClientId: CONFIDENTIAL_CLIENT_ID,
    confidentialClientSecret: CONFIDENTIAL_CLIENT_SECRET,
    redirectUris: config.redirectUris,
    scopes: SUPPORTED_SCOPES,
  };
  const sizes = { objectInstances: config.objectInstances, largePhaseObjectInstances: config.largePhaseObjectInstances };

  const control: EmulatorControl = {
    faults,
    issuedTokens: () => issuedTokens.list(),
    stats: () => ({ ...stats.snapshot(), stored: store.counts() }),
    revokeRefreshTokens: (email) => {
      const user = findUserByEmail(email);
      return user ? store.revokeAccount(user.sub) : undefined;
    },
    setAutoLogin: (email) => {
      if (email !== undefined && !findUserByEmail(email)) throw new RangeError(`No demo user '${email}'`);
      autoLogin = email;
    },
    reset: () => {
      faults.reset();
      stats.reset();
      autoLogin = config.autoLogin;
    },
    info: () => ({
      url,
      clients,
      users: DEMO_USERS.map(({ email, password, name, sub }) => ({ email, password, name, sub })),
      autoLogin: autoLogin ?? null,
      ids: DEMO_IDS,
      sizes,
      dialect: config.dialect,
    }),
  };

  const app = await buildApp({ baseUrl: url, provider, data, faults, stats, verify, control, autoLogin: () => autoLogin, dialect: DIALECTS[config.dialect] });
  const oidc = provider.callback();
  const route = (req: IncomingMessage, res: ServerResponse): void => {
    const path = (req.url ?? '/').split('?')[0]!;
    const area = areaOf(path);
    stats.request(area);
    res.once('finish', () => stats.response(res.statusCode));
    if (area === 'token') issuedTokens.watch(res);
    if (!isOidcPath(path)) return app.routing(req, res);
    if (area === 'token' && faults.get().tokenEndpoint) return void tokenWithFaults(req, res, oidc, faults, stats);
    oidc(req, res);
  };
  server.on('request', route);

  let closing: Promise<void> | undefined;
  return {
    ...control,
    faults,
    url,
    port,
    users: DEMO_USERS,
    clients,
    ids: DEMO_IDS,
    sizes,
    dialect: config.dialect,
    close: () => (closing ??= closeAll(server, () => app.close())),
  };
}

const isOidcPath = (path: string): boolean =>
  (path.startsWith('/connect/') && path !== OIDC_ROUTES.userinfo) || path.startsWith('/.well-known/');

function areaOf(path: string): RequestArea {
  const lower = path.toLowerCase();
  if (lower === OIDC_ROUTES.token) return 'token';
  if (lower.startsWith('/connect/') || lower.startsWith('/.well-known/')) return 'oidc';
  if (lower.startsWith('/account/')) return 'login';
  if (lower.startsWith('/__admin')) return 'admin';
  if (lower.startsWith('/domainaccounts')) return 'api';
  return 'other';
}

/** Optional faults on the token endpoint: latency, 429 and 5xx, before oidc-provider sees it. */
async function tokenWithFaults(req: IncomingMessage, res: ServerResponse, oidc: (req: IncomingMessage, res: ServerResponse) => void, faults: FaultController, stats: Stats): Promise<void> {
  const fault = faults.decide();
  if (fault.latencyMs > 0) {
    stats.fault('latency');
    await sleep(fault.latencyMs);
  }
  if (!fault.status) return oidc(req, res);
  stats.fault(fault.status === 429 ? 'rateLimited' : 'serverError');
  const response = faultResponse(fault.status, faults.get().retryAfterSeconds);
  req.resume();
  res.writeHead(response.status, response.headers).end(response.body);
}

async function closeAll(server: Server, closeApp: () => Promise<void>): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  await Promise.all([closed, closeApp()]);
}
