import * as vscode from 'vscode';
import type { Fetch } from '../../core/auth/authFetch';
import { OAuthError } from '../../core/auth/authErrors';
import { discoverEndpoints, type AuthEndpoints } from '../../core/auth/discovery';
import { refreshDueAt, refreshTokens, revokeRefreshToken, usableUntil, type ClientCredentials } from '../../core/auth/tokenClient';
import { SettingError, type Servers } from '../../core/config/servers';
import { missingClientId, type Settings } from '../configuration';
import { clientSecretKey, SessionStore, type StoredSession } from './sessionStore';
import { signInInteractively, type SignInDependencies } from './signInFlow';

/** A signed-in session as this window holds it: the stored part, plus the access token, which lives only here. */
interface LiveSession {
  stored: StoredSession;
  accessToken: string;
  /** Until when the access token is handed out without renewing it first (see usableUntil). */
  usableUntil: number;
  timer?: NodeJS.Timeout;
  refreshing?: Promise<string>;
  failedRefreshes: number;
}

/** The session ended (its refresh token was refused): the user must sign in again. */
export class SessionEndedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SessionEndedError';
  }
}

export interface ProviderDependencies extends Omit<SignInDependencies, 'fetch'> {
  readonly fetch: Fetch;
  readonly secrets: vscode.SecretStorage;
  readonly settings: () => Settings;
}

const retryDelays = [15_000, 30_000, 60_000, 120_000, 300_000];
/** How long another window may take to store a refresh token it just rotated. */
const rotationGrace = 1500;

/**
 * The `bimlink` authentication provider (Accounts menu). getSessions answers from memory. Only refresh tokens,
 * accounts and scopes are stored (SecretStorage, per environment); access tokens stay in memory and are renewed
 * at two thirds of their lifetime and on demand, one renewal per session at a time. A refused refresh token signs
 * that session out and says why; a network failure keeps the session and tries again later. Sessions changed in
 * another window are picked up through SecretStorage's change event.
 */
export class BimlinkAuthenticationProvider implements vscode.AuthenticationProvider, vscode.Disposable {
  private readonly sessions = new Map<string, LiveSession>();
  private readonly changed = new vscode.EventEmitter<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>();
  readonly onDidChangeSessions = this.changed.event;
  private environment: { servers: Servers; store: SessionStore; watcher: vscode.Disposable; endpoints?: Promise<AuthEndpoints> } | undefined;
  private loaded: Promise<void> = Promise.resolve();
  private writes: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: ProviderDependencies) {
    this.useSettings();
  }

  /** Follows the settings: another environment means another set of sessions. Call when settings change. */
  useSettings(): void {
    const { servers } = this.deps.settings();
    const next = servers instanceof SettingError ? undefined : servers;
    if (next?.key === this.environment?.servers.key) return;
    const removed = [...this.sessions.values()].map(live => this.toSession(live));
    for (const live of this.sessions.values()) clearTimeout(live.timer);
    this.sessions.clear();
    this.environment?.watcher.dispose();
    this.environment = undefined;
    if (removed.length) this.changed.fire({ added: [], removed, changed: [] });
    if (!next) return;
    const store = new SessionStore(this.deps.secrets, next.key);
    this.environment = { servers: next, store, watcher: store.onDidChange(() => void this.reconcile()) };
    this.loaded = this.reconcile();
  }

  async getSessions(scopes?: readonly string[]): Promise<vscode.AuthenticationSession[]> {
    await this.loaded;
    return [...this.sessions.values()]
      .filter(live => !scopes || scopes.every(scope => live.stored.scopes.includes(scope)))
      .map(live => this.toSession(live));
  }

  async createSession(scopes: readonly string[]): Promise<vscode.AuthenticationSession> {
    const settings = this.deps.settings();
    if (settings.servers instanceof SettingError) throw settings.servers;
    if (!settings.clientId) throw missingClientId();
    const environment = this.environment!;
    const client = await this.client(settings.clientId);
    // The server always asks who signs in (prompt=login). With a session stored, the user is adding another account;
    // with none (the first sign-in, or after signing out of the last one), the browser may still be signed in as
    // whoever signed out, and BIMlink's single sign-on would hand that account back without a word: switching user
    // would take clearing the browser, whose session VS Code cannot end. The price: someone already signed in to
    // BIMlink in the browser types the password once more.
    const { tokens, account, endpoints } = await signInInteractively(this.deps, {
      servers: settings.servers, client, redirectUri: settings.redirectUri, scopes, forceLogin: true,
    });
    environment.endpoints = Promise.resolve(endpoints);
    if (this.environment !== environment) throw new Error('The BIMlink environment changed while you were signing in. Please sign in again.');
    const existing = [...this.sessions.values()].find(live => live.stored.account.id === account.id);
    const stored: StoredSession = {
      id: existing?.stored.id ?? randomId(),
      account,
      scopes: [...new Set([...scopes, ...(existing?.stored.scopes ?? [])])].sort(),
      refreshToken: tokens.refreshToken ?? '',
      clientId: client.clientId,
      superseded: supersededBy(existing?.stored, client.clientId, tokens.refreshToken),
    };
    const live: LiveSession = existing ?? { stored, accessToken: '', usableUntil: 0, failedRefreshes: 0 };
    Object.assign(live, { stored, accessToken: tokens.accessToken, usableUntil: usableUntil(tokens), failedRefreshes: 0 });
    this.sessions.set(stored.id, live);
    this.schedule(live, refreshDueAt(tokens) - Date.now());
    if (stored.refreshToken) await this.persist(list => [...list.filter(s => s.id !== stored.id), stored]);
    const session = this.toSession(live);
    this.changed.fire(existing ? { added: [], removed: [], changed: [session] } : { added: [session], removed: [], changed: [] });
    return session;
  }

  /**
   * Signs a session out: forgets it here, in storage and so in other windows, and revokes it at the server. The
   * server's end-session endpoint is not called: it would end the browser's session only if the browser went there,
   * and the next sign-in asks who signs in anyway (prompt=login).
   */
  async removeSession(sessionId: string): Promise<void> {
    const live = this.sessions.get(sessionId);
    if (!live) return;
    this.forget(live);
    await this.persist(list => list.filter(s => s.id !== sessionId));
    this.changed.fire({ added: [], removed: [this.toSession(live)], changed: [] });
    this.deps.log.info(`Signed out ${live.stored.account.label}.`);
    await live.refreshing?.catch(() => undefined); // a renewal under way rotates the token: revoke the newest one
    await this.revoke(live.stored);
  }

  /**
   * Revokes a session's refresh token, and those of its earlier sign-ins, at the server; a failure is logged, not
   * thrown (the user is signed out here either way).
   */
  private async revoke(session: StoredSession): Promise<void> {
    const refreshTokens = [session.refreshToken, ...(session.superseded ?? [])].filter(Boolean);
    if (!refreshTokens.length) return;
    try {
      const [endpoints, client] = [await this.endpoints(), await this.client(session.clientId)];
      for (const refreshToken of refreshTokens) await revokeRefreshToken(this.deps.fetch, endpoints, client, refreshToken);
      this.deps.log.info('The session was revoked at the BIMlink sign-in server.');
    } catch (error) {
      this.deps.log.warn(`The session could not be revoked at the server: ${(error as Error).message}`);
    }
  }

  /** A valid access token for the session, renewed first when it is missing or about to expire. */
  async accessToken(sessionId: string): Promise<string> {
    const live = this.live(sessionId);
    if (live.accessToken && Date.now() < live.usableUntil) return live.accessToken;
    return this.refresh(live);
  }

  /** The server refused `rejected`: a renewed access token (shared with every other caller that was refused). */
  async renewAccessToken(sessionId: string, rejected: string): Promise<string> {
    const live = this.live(sessionId);
    if (live.accessToken && live.accessToken !== rejected && Date.now() < live.usableUntil) return live.accessToken;
    return this.refresh(live);
  }

  /** Keeps (or, with undefined, removes) the secret of the configured client id on the current environment. */
  async setClientSecret(secret: string | undefined): Promise<void> {
    const environment = this.environment;
    const { clientId, servers } = this.deps.settings();
    if (!environment) throw servers as SettingError;
    if (!clientId) throw missingClientId();
    const key = clientSecretKey(environment.servers.key, clientId);
    if (secret) await this.deps.secrets.store(key, secret);
    else await this.deps.secrets.delete(key);
  }

  dispose(): void {
    for (const live of this.sessions.values()) clearTimeout(live.timer);
    this.environment?.watcher.dispose();
    this.changed.dispose();
  }

  private live(sessionId: string): LiveSession {
    const live = this.sessions.get(sessionId);
    if (!live) throw new SessionEndedError('You are signed out of BIMlink. Sign in to continue.');
    return live;
  }

  private refresh(live: LiveSession): Promise<string> {
    live.refreshing ??= this.renew(live).finally(() => { live.refreshing = undefined; });
    return live.refreshing;
  }

  private async renew(live: LiveSession, retried = false): Promise<string> {
    clearTimeout(live.timer);
    const environment = this.environment;
    const used = live.stored.refreshToken;
    if (!used) {
      await this.end(live, `Your BIMlink session for ${live.stored.account.label} has expired.`);
      throw new SessionEndedError(`Your BIMlink session for ${live.stored.account.label} has expired. Sign in again to continue.`);
    }
    let tokens;
    try {
      tokens = await refreshTokens(this.deps.fetch, await this.endpoints(), await this.client(live.stored.clientId), used);
    } catch (error) {
      if (this.sessions.get(live.stored.id) !== live || this.environment !== environment) throw error;
      if (error instanceof OAuthError && error.isInvalidGrant) {
        // Another window may have renewed (and so rotated) the refresh token a moment ago: use its new one once
        // that window has stored it.
        if (!retried) await new Promise(resolve => setTimeout(resolve, rotationGrace));
        const latest = (await environment!.store.read()).find(s => s.id === live.stored.id);
        if (!retried && latest && latest.refreshToken !== used) {
          live.stored = latest;
          return this.renew(live, true);
        }
        const reason = error.description ?? 'the server no longer accepts it';
        await this.end(live, `Your BIMlink session for ${live.stored.account.label} has ended (${reason}).`);
        throw new SessionEndedError(`Your BIMlink session for ${live.stored.account.label} has ended. Sign in again to continue.`);
      }
      const delay = retryDelays[Math.min(live.failedRefreshes++, retryDelays.length - 1)];
      this.deps.log.warn(`Renewing the BIMlink session failed; trying again in ${delay / 1000} s. ${(error as Error).message}`);
      if (error instanceof OAuthError && live.failedRefreshes === 1) {
        // Not a passing fault (e.g. the client secret is wrong): the user has to act, so say it once.
        void vscode.window.showErrorMessage(`${error.message} Check the client id and client secret for BIMlink.`, 'Set Client Secret')
          .then(choice => { if (choice) void vscode.commands.executeCommand('bimlink.setClientSecret'); });
      }
      this.schedule(live, delay);
      throw error;
    }
    const rotated = Boolean(tokens.refreshToken) && tokens.refreshToken !== used;
    if (this.sessions.get(live.stored.id) !== live) throw new SessionEndedError('You signed out of BIMlink.');
    if (live.stored.refreshToken !== used) {
      // The account signed in again while this renewal was under way: keep the newer sign-in's tokens, and revoke
      // the renewal's at sign-out like any replaced sign-in's.
      if (rotated) {
        live.stored = { ...live.stored, superseded: [...(live.stored.superseded ?? []), tokens.refreshToken!].slice(-5) };
        const stored = live.stored;
        await this.persist(list => list.map(s => s.id === stored.id ? stored : s));
      }
      return live.accessToken;
    }
    if (rotated) live.stored = { ...live.stored, refreshToken: tokens.refreshToken! };
    live.accessToken = tokens.accessToken;
    live.usableUntil = usableUntil(tokens);
    live.failedRefreshes = 0;
    if (rotated) {
      const stored = live.stored;
      await this.persist(list => list.map(s => s.id === stored.id ? stored : s));
    }
    this.schedule(live, refreshDueAt(tokens) - Date.now());
    this.deps.log.debug(`Renewed the access token of ${live.stored.account.label}.`);
    this.changed.fire({ added: [], removed: [], changed: [this.toSession(live)] });
    return tokens.accessToken;
  }

  /** The session's refresh token was refused: sign it out everywhere and tell the user why. */
  private async end(live: LiveSession, message: string): Promise<void> {
    this.forget(live);
    await this.persist(list => list.filter(s => s.id !== live.stored.id));
    this.changed.fire({ added: [], removed: [this.toSession(live)], changed: [] });
    this.deps.log.warn(message);
    void vscode.window.showWarningMessage(`${message} Sign in again to continue.`, 'Sign In').then(choice => {
      if (choice) void vscode.commands.executeCommand('bimlink.signIn');
    });
  }

  private forget(live: LiveSession): void {
    clearTimeout(live.timer);
    this.sessions.delete(live.stored.id);
  }

  private schedule(live: LiveSession, delay: number): void {
    clearTimeout(live.timer);
    // Timers longer than 2^31-1 ms fire at once; renewing a day-long token a little early does no harm.
    live.timer = setTimeout(() => void this.refresh(live).catch(() => undefined), Math.min(Math.max(delay, 0), 2 ** 31 - 1));
  }

  /** Brings memory in line with storage: sessions signed in or out in another window, rotated refresh tokens. */
  private async reconcile(): Promise<void> {
    const environment = this.environment;
    if (!environment) return;
    const stored = await environment.store.read();
    if (this.environment !== environment) return;
    const added: vscode.AuthenticationSession[] = [];
    const removed: vscode.AuthenticationSession[] = [];
    for (const s of stored) {
      const live = this.sessions.get(s.id);
      if (live) { live.stored = s; continue; }
      const fresh: LiveSession = { stored: s, accessToken: '', usableUntil: 0, failedRefreshes: 0 };
      this.sessions.set(s.id, fresh);
      this.schedule(fresh, 0); // an access token in the background, so the first request need not wait
      added.push(this.toSession(fresh));
    }
    for (const live of [...this.sessions.values()]) {
      if (stored.some(s => s.id === live.stored.id)) continue;
      this.forget(live);
      removed.push(this.toSession(live));
    }
    if (added.length || removed.length) this.changed.fire({ added, removed, changed: [] });
  }

  /** Changes the stored list of this environment; one change at a time, on the latest list. */
  private persist(change: (list: StoredSession[]) => StoredSession[]): Promise<void> {
    const store = this.environment?.store;
    if (!store) return Promise.resolve();
    const write = this.writes.then(async () => store.write(change(await store.read())));
    this.writes = write.catch(() => undefined);
    return write;
  }

  private endpoints(): Promise<AuthEndpoints> {
    const environment = this.environment;
    if (!environment) return Promise.reject(this.deps.settings().servers);
    environment.endpoints ??= discoverEndpoints(this.deps.fetch, environment.servers.authority);
    environment.endpoints.catch(() => { if (this.environment === environment) environment.endpoints = undefined; });
    return environment.endpoints;
  }

  private async client(clientId: string): Promise<ClientCredentials> {
    const key = clientSecretKey(this.environment!.servers.key, clientId);
    const clientSecret = await this.deps.secrets.get(key);
    return clientSecret ? { clientId, clientSecret } : { clientId };
  }

  private toSession(live: LiveSession): vscode.AuthenticationSession {
    return { id: live.stored.id, accessToken: live.accessToken, account: live.stored.account, scopes: live.stored.scopes };
  }
}

/** The refresh tokens to revoke at sign-out once a new sign-in of the same account replaces `previous` (at most five). */
function supersededBy(previous: StoredSession | undefined, clientId: string, refreshToken: string | undefined): string[] | undefined {
  if (!previous || previous.clientId !== clientId) return undefined;
  const earlier = [...(previous.superseded ?? [])];
  if (previous.refreshToken && previous.refreshToken !== refreshToken) earlier.push(previous.refreshToken);
  return earlier.length ? earlier.slice(-5) : undefined;
}

function randomId(): string {
  return globalThis.crypto.randomUUID();
}
