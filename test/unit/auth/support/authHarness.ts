// Windows of the extension without a workbench: BimlinkAuthenticationProvider instances over one shared (fake)
// SecretStorage, talking to fake BIMlink sign-in servers that record every request. `vscode` is the fake in
// test/unit/fakes/vscode.ts (see vitest.config.mts).
import { afterEach, beforeEach, vi } from 'vitest';
import type * as vscode from 'vscode';
import { resolveServers, type EnvironmentName } from '../../../../src/core/config/servers';
import { BimlinkAuthenticationProvider } from '../../../../src/vscode/auth/bimlinkAuthenticationProvider';
import { showSessionNotices } from '../../../../src/vscode/auth/sessionNotices';
import type { SettingValues } from '../../../../src/vscode/settings/settings';
import { EventEmitter, resetFakeVscode } from '../../fakes/vscode';

/** A turn of the event loop: SecretStorage answers asynchronously, as VS Code's does (it asks the main process). */
const turn = () => new Promise(resolve => setImmediate(resolve));

/** One machine's SecretStorage, seen by several windows; a change fires onDidChange in each of them, as in VS Code. */
export class SharedSecrets {
  readonly values = new Map<string, string>();
  private readonly windows = new Set<EventEmitter<vscode.SecretStorageChangeEvent>>();

  window(): vscode.SecretStorage {
    const changed = new EventEmitter<vscode.SecretStorageChangeEvent>();
    this.windows.add(changed);
    return {
      get: async key => { await turn(); return this.values.get(key); },
      store: async (key, value) => { await turn(); this.values.set(key, value); this.changed(key); },
      delete: async key => { await turn(); this.values.delete(key); this.changed(key); },
      onDidChange: changed.event,
    };
  }

  private changed(key: string): void {
    for (const window of this.windows) window.fire({ key });
  }
}

export interface RecordedRequest {
  readonly origin: string;
  readonly path: string;
  readonly params: Record<string, string>;
}

/**
 * BIMlink sign-in servers, any origin: discovery, a token endpoint that rotates refresh tokens (the one used stops
 * working) and a revocation endpoint. A server accepts only the refresh tokens it issued itself.
 */
export class FakeSignInServers {
  readonly requests: RecordedRequest[] = [];
  /** Refresh requests refused with invalid_grant. */
  readonly refusals: RecordedRequest[] = [];
  private readonly issued = new Map<string, { origin: string; clientId: string }>();
  private readonly holds: { matches: (request: RecordedRequest) => boolean; released: Promise<void> }[] = [];
  private readonly replies: { matches: (request: RecordedRequest) => boolean; reply: () => Response }[] = [];
  private count = 0;

  /** A refresh token that `origin` accepts from `clientId`. */
  issue(origin: string, clientId: string): string {
    const token = `rt-${new URL(origin).hostname}-${++this.count}`;
    this.issued.set(token, { origin: new URL(origin).origin, clientId });
    return token;
  }

  isValid(token: string): boolean {
    return this.issued.has(token);
  }

  /** Requests that match wait until the returned function is called. */
  hold(matches: (request: RecordedRequest) => boolean): () => void {
    let release!: () => void;
    this.holds.push({ matches, released: new Promise<void>(resolve => { release = resolve; }) });
    return () => release();
  }

  /** The next request that matches gets `reply`'s answer instead, or, when `reply` throws, fails as a network error would. */
  replyOnce(matches: (request: RecordedRequest) => boolean, reply: () => Response): void {
    this.replies.push({ matches, reply });
  }

  to(origin: string): RecordedRequest[] {
    return this.requests.filter(r => r.origin === new URL(origin).origin);
  }

  revocations(): RecordedRequest[] {
    return this.requests.filter(r => r.path.endsWith('/revocation'));
  }

  refreshes(): RecordedRequest[] {
    return this.requests.filter(r => r.path.endsWith('/token') && r.params.grant_type === 'refresh_token');
  }

  readonly fetch = async (url: string, init?: RequestInit): Promise<Response> => {
    const target = new URL(url);
    const request: RecordedRequest = {
      origin: target.origin,
      path: target.pathname,
      params: Object.fromEntries(new URLSearchParams(typeof init?.body === 'string' ? init.body : '')),
    };
    this.requests.push(request);
    await turn();
    for (const hold of this.holds) if (hold.matches(request)) await hold.released;
    const replaced = this.replies.findIndex(r => r.matches(request));
    if (replaced >= 0) return this.replies.splice(replaced, 1)[0].reply();
    const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    if (request.path === '/.well-known/openid-configuration') {
      return json(200, {
        issuer: target.origin,
        authorization_endpoint: `${target.origin}/connect/authorize`,
        token_endpoint: `${target.origin}/connect/token`,
        revocation_endpoint: `${target.origin}/connect/revocation`,
        end_session_endpoint: `${target.origin}/connect/endsession`,
        jwks_uri: `${target.origin}/.well-known/openid-configuration/jwks`,
      });
    }
    if (request.path.endsWith('/token')) {
      const grant = this.issued.get(request.params.refresh_token ?? '');
      if (!grant || grant.origin !== target.origin || grant.clientId !== request.params.client_id) {
        this.refusals.push(request);
        return json(400, { error: 'invalid_grant', error_description: 'the refresh token is invalid' });
      }
      this.issued.delete(request.params.refresh_token!);
      return json(200, { access_token: `at-${++this.count}`, refresh_token: this.issue(target.origin, grant.clientId), expires_in: 3600, token_type: 'Bearer' });
    }
    if (request.path.endsWith('/revocation')) {
      const grant = this.issued.get(request.params.token ?? '');
      if (grant && grant.origin === target.origin && grant.clientId === request.params.client_id) this.issued.delete(request.params.token!);
      return new Response(null, { status: 200 });
    }
    return json(404, { error: 'not_found' });
  };
}

export interface WindowSettings {
  environment: EnvironmentName;
  apiUrl?: string;
  clientId: string;
}

const log = Object.fromEntries(['trace', 'debug', 'info', 'warn', 'error'].map(level => [level, () => undefined])) as unknown as vscode.LogOutputChannel;

/** One window of the extension: its provider (with its notifications), and settings the test can change (as the user would) while it works. */
export function openWindow(secrets: SharedSecrets, servers: FakeSignInServers, settings: WindowSettings,
  options: { random?: () => number } = {}) {
  const current = { ...settings };
  const read = (): SettingValues => ({
    servers: resolveServers({ environment: current.environment, apiUrl: current.apiUrl ?? '', authority: '' }),
    clientId: current.clientId,
    redirectUri: 'http://127.0.0.1:33418/callback',
    pageSize: 100,
    collections: {},
  });
  const provider = new BimlinkAuthenticationProvider({
    fetch: servers.fetch,
    secrets: secrets.window(),
    settings: read,
    log,
    uriCallbacks: {} as never,
    extensionId: 'bimlink-explorer.bimlink-explorer',
    timeoutMs: 1000,
    random: options.random ?? (() => 0),
  } as ConstructorParameters<typeof BimlinkAuthenticationProvider>[0]);
  showSessionNotices(provider); // what the user is told, as the extension wires it
  return {
    provider,
    /** Changes the settings and tells the provider, as the extension's settings listener does. */
    use(next: Partial<WindowSettings>): void {
      Object.assign(current, next);
      provider.useSettings();
    },
  };
}

/** Sessions as earlier versions stored them: one JSON list per environment, with no servers of their own. */
export function storeLegacySessions(secrets: SharedSecrets, environmentKey: string, sessions: {
  id: string; email: string; refreshToken: string; clientId: string; superseded?: string[];
}[]): void {
  secrets.values.set(`bimlink.sessions:${environmentKey}`, JSON.stringify(sessions.map(s => ({
    id: s.id,
    account: { id: `sub-${s.email}`, label: s.email },
    scopes: ['bimlink_publicapi', 'email', 'offline_access', 'openid'],
    refreshToken: s.refreshToken,
    clientId: s.clientId,
    ...(s.superseded ? { superseded: s.superseded } : {}),
  }))));
}

/** Lets every pending storage and fetch turn run. */
export async function settle(turns = 50): Promise<void> {
  for (let i = 0; i < turns; i++) await turn();
}

/** Waits for `work`, moving vitest's fake clock on meanwhile (renewals wait out a grace period before giving up). */
export async function drive<T>(work: Promise<T>, stepMs = 500): Promise<T> {
  let done = false;
  void work.then(() => { done = true; }, () => { done = true; });
  for (let waited = 0; !done && waited < 120_000; waited += stepMs) {
    await settle(5);
    if (!done) await vi.advanceTimersByTimeAsync(stepMs);
  }
  return work;
}

/** What the (mocked) interactive sign-in hands back: tokens from `origin`, for one account. */
export function signInResult(origin: string, refreshToken: string, email: string, endpointPath = '/connect') {
  const now = Date.now();
  return {
    tokens: { accessToken: `at-signin-${refreshToken}`, refreshToken, issuedAt: now, expiresAt: now + 3_600_000, scopes: [] },
    account: { id: `sub-${email}`, label: email },
    endpoints: {
      issuer: origin,
      authorization: `${origin}/connect/authorize`,
      token: `${origin}${endpointPath}/token`,
      revocation: `${origin}${endpointPath}/revocation`,
      endSession: `${origin}/connect/endsession`,
      jwks: `${origin}/.well-known/openid-configuration/jwks`,
    },
  };
}

export const scopes = ['bimlink_publicapi', 'offline_access', 'openid', 'email'];

/** Every test of the file on fake timers (the provider's renewal timers) with a fresh fake `vscode` (notifications, commands). */
function useFakeWindowClock(): void {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    resetFakeVscode();
  });
  afterEach(() => {
    vi.useRealTimers();
  });
}

/** One machine's SecretStorage and the sign-in servers its windows talk to. */
export interface SignInWorld {
  readonly secrets: SharedSecrets;
  readonly servers: FakeSignInServers;
}

/** A fresh world for every test, on the fake window clock (see useFakeWindowClock). */
export function useSignInWorld(): SignInWorld {
  const world = {} as { secrets: SharedSecrets; servers: FakeSignInServers };
  useFakeWindowClock();
  beforeEach(() => {
    world.secrets = new SharedSecrets();
    world.servers = new FakeSignInServers();
  });
  return world;
}
