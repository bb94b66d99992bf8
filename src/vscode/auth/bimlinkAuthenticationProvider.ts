import * as vscode from 'vscode';
import type { Fetch } from '../../core/auth/authFetch';
import { OAuthError } from '../../core/auth/authErrors';
import type { Account } from '../../core/auth/idToken';
import { withJitter } from '../../core/auth/renewalJitter';
import { afterRenewal, refreshTokensOf, replaceSignIn } from '../../core/auth/sessionChanges';
import { serversOfEnvironmentKey } from '../../core/auth/storedSession';
import { refreshDueAt, usableUntil, type TokenSet } from '../../core/auth/tokenClient';
import { SettingError, type Servers } from '../../core/config/servers';
import { missingClientId, type SettingValues } from '../settings/settings';
import { SessionServers } from './sessionServers';
import { clientSecretKey, forgetEnvironment, SessionStore, storedEnvironmentKeys, type StoredSession } from './sessionStore';
import { signInInteractively, type SignInDependencies } from './signInFlow';
import { showErrorMessage, showWarningMessage } from '../feedback/messages';

/** A signed-in session as this window holds it: the stored part, plus the access token, which lives only here. */
interface LiveSession {
  stored: StoredSession;
  /** The storage of the session's own environment: its changes go there, whatever the settings say meanwhile. */
  readonly store: SessionStore;
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

/** Sessions stored for an environment other than the current one (for Sign Out of Other Servers). */
export interface OtherServerSessions {
  readonly environmentKey: string;
  readonly servers: Servers;
  readonly accounts: readonly Account[];
}

export interface ProviderDependencies extends Omit<SignInDependencies, 'fetch'> {
  readonly fetch: Fetch;
  readonly secrets: vscode.SecretStorage;
  readonly settings: () => SettingValues;
  /** Numbers in [0, 1), for the random delay of the first renewal after a restore (Math.random unless a test sets it). */
  readonly random?: () => number;
}

const retryDelays = [15_000, 30_000, 60_000, 120_000, 300_000];
/** How long another window may take to store a refresh token it just rotated. */
const rotationGrace = 1500;

/**
 * The `bimlink` authentication provider (Accounts menu). getSessions answers from memory. Only refresh tokens,
 * accounts, scopes and the servers they belong to are stored (SecretStorage, per environment); access tokens stay in
 * memory and are renewed at two thirds of their lifetime and on demand, one renewal per session at a time, always at
 * the session's own servers. A refused refresh token signs that session out and says why; a network failure keeps
 * the session and tries again later. Sessions changed in another window are picked up through SecretStorage's change
 * event.
 */
export class BimlinkAuthenticationProvider implements vscode.AuthenticationProvider, vscode.Disposable {
  private readonly sessions = new Map<string, LiveSession>();
  private readonly changed = new vscode.EventEmitter<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>();
  readonly onDidChangeSessions = this.changed.event;
  private readonly servers: SessionServers;
  private environment: { servers: Servers; store: SessionStore; watcher: vscode.Disposable } | undefined;
  private loaded: Promise<void> = Promise.resolve();
  private writes: Promise<unknown> = Promise.resolve();
  private reconciling: Promise<void> = Promise.resolve();

  constructor(private readonly deps: ProviderDependencies) {
    this.servers = new SessionServers(deps);
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
    const store = new SessionStore(this.deps.secrets, next);
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
    const { servers } = environment;
    const secretKey = clientSecretKey(servers.key, settings.clientId);
    const client = await this.servers.client(secretKey, settings.clientId);
    // The server always asks who signs in (prompt=login). With a session stored, the user is adding another account;
    // with none (the first sign-in, or after signing out of the last one), the browser may still be signed in as
    // whoever signed out, and BIMlink's single sign-on would hand that account back without a word: switching user
    // would take clearing the browser, whose session VS Code cannot end. The price: someone already signed in to
    // BIMlink in the browser types the password once more.
    const { tokens, account, endpoints } = await signInInteractively(this.deps, {
      servers, client, redirectUri: settings.redirectUri, scopes, forceLogin: true,
    });
    const signedIn: StoredSession = {
      id: randomId(),
      account,
      scopes: [...new Set(scopes)].sort(),
      refreshToken: tokens.refreshToken ?? '',
      clientId: client.clientId,
      environmentKey: servers.key,
      authority: servers.authority,
      endpoints: { token: endpoints.token, revocation: endpoints.revocation },
      clientSecretKey: secretKey,
    };
    // Into the storage of the environment it signed in to, even when the settings moved to another meanwhile: a
    // sign-in dropped there would leave its refresh token unrevoked at the server.
    const current = () => this.environment === environment;
    let event: vscode.AuthenticationProviderAuthenticationSessionsChangeEvent | undefined;
    const { session, revoke } = await this.write(async () => {
      // what storage holds now: another window may have renewed (rotated) the previous sign-in's token meanwhile
      const held = current() ? [...this.sessions.values()].find(live => live.stored.account.id === account.id) : undefined;
      const previous = (await environment.store.read()).find(s => s.account.id === account.id) ?? held?.stored;
      const replaced = replaceSignIn(previous, signedIn);
      if (current()) {
        // in memory before in storage, so that the change event storage fires finds it here
        const existing = this.sessions.get(replaced.session.id);
        const live: LiveSession = existing ?? { stored: replaced.session, store: environment.store, accessToken: '', usableUntil: 0, failedRefreshes: 0 };
        Object.assign(live, { stored: replaced.session, accessToken: tokens.accessToken, usableUntil: usableUntil(tokens), failedRefreshes: 0 });
        this.sessions.set(replaced.session.id, live);
        this.schedule(live, refreshDueAt(tokens) - Date.now());
        const session = this.toSession(live);
        event = existing ? { added: [], removed: [], changed: [session] } : { added: [session], removed: [], changed: [] };
      }
      if (replaced.session.refreshToken) await environment.store.put(replaced.session);
      return replaced;
    });
    const signedInHere = event !== undefined && current();
    if (signedInHere) this.changed.fire(event!);
    if (revoke) await this.servers.revoke(revoke.session, revoke.tokens); // another client's: nothing else would revoke them
    if (!signedInHere) throw new Error('The BIMlink environment changed while you were signing in. Please sign in again.');
    return { id: session.id, accessToken: tokens.accessToken, account: session.account, scopes: session.scopes };
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
    const latest = await this.write(async () => {
      const latest = await live.store.get(sessionId);
      await live.store.delete(sessionId);
      return latest;
    });
    this.changed.fire({ added: [], removed: [this.toSession(live)], changed: [] });
    this.deps.log.info(`Signed out ${live.stored.account.label}.`);
    // The newest tokens: storage may hold one another window rotated to, or one a renewal here stored just before.
    // A renewal that finds the session gone revokes its rotated token itself.
    await live.refreshing?.catch(() => undefined);
    await this.servers.revoke(latest ?? live.stored);
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

  /** The environments other than the current one that hold sessions, with their servers and accounts. */
  async otherServers(): Promise<OtherServerSessions[]> {
    const current = this.environment?.servers.key;
    const found: OtherServerSessions[] = [];
    for (const environmentKey of await storedEnvironmentKeys(this.deps.secrets)) {
      const servers = environmentKey === current ? undefined : serversOfEnvironmentKey(environmentKey);
      if (!servers) continue;
      const sessions = await new SessionStore(this.deps.secrets, servers).read();
      if (sessions.length) found.push({ environmentKey, servers, accounts: sessions.map(s => s.account) });
    }
    return found;
  }

  /** Signs every session of these environments out: removed from storage, revoked each at its own server. */
  async signOutOfServers(environmentKeys: readonly string[]): Promise<void> {
    for (const environmentKey of environmentKeys) {
      const servers = serversOfEnvironmentKey(environmentKey);
      if (!servers) continue;
      const store = new SessionStore(this.deps.secrets, servers);
      for (const session of await store.read()) {
        await this.write(() => store.delete(session.id));
        this.deps.log.info(`Signed out ${session.account.label} on ${servers.apiUrl}.`);
        await this.servers.revoke(session);
      }
      if (!(await store.read()).length) await forgetEnvironment(this.deps.secrets, environmentKey);
    }
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

  private holds(live: LiveSession): boolean {
    return this.sessions.get(live.stored.id) === live;
  }

  private refresh(live: LiveSession): Promise<string> {
    live.refreshing ??= this.renew(live).finally(() => { live.refreshing = undefined; });
    return live.refreshing;
  }

  private async renew(live: LiveSession, retried = false): Promise<string> {
    clearTimeout(live.timer);
    // What was renewed: its own servers, client and refresh token, whatever the settings and memory say meanwhile.
    const renewed = live.stored;
    const accessTokenBefore = live.accessToken;
    if (!renewed.refreshToken) {
      await this.end(live, `Your BIMlink session for ${renewed.account.label} has expired.`);
      throw new SessionEndedError(`Your BIMlink session for ${renewed.account.label} has expired. Sign in again to continue.`);
    }
    let tokens: TokenSet;
    try {
      tokens = await this.servers.renew(renewed);
    } catch (error) {
      if (!this.holds(live)) throw error;
      if (error instanceof OAuthError && error.isInvalidGrant) {
        // Another window may have renewed (and so rotated) the refresh token a moment ago: use its new one once
        // that window has stored it.
        if (!retried) await new Promise(resolve => setTimeout(resolve, rotationGrace));
        const latest = await live.store.get(renewed.id);
        if (!this.holds(live)) throw error;
        if (!retried && latest && latest.refreshToken !== renewed.refreshToken) {
          live.stored = latest;
          return this.renew(live, true);
        }
        const reason = error.description ?? 'the server no longer accepts it';
        await this.end(live, `Your BIMlink session for ${renewed.account.label} has ended (${reason}).`);
        throw new SessionEndedError(`Your BIMlink session for ${renewed.account.label} has ended. Sign in again to continue.`);
      }
      const delay = retryDelays[Math.min(live.failedRefreshes++, retryDelays.length - 1)];
      this.deps.log.warn(`Renewing the BIMlink session failed; trying again in ${delay / 1000} s. ${(error as Error).message}`);
      if (error instanceof OAuthError && live.failedRefreshes === 1) {
        // Not a passing fault (e.g. the client secret is wrong): the user has to act, so say it once.
        void showErrorMessage(`${error.message} Check the client id and client secret for BIMlink.`, 'Set Client Secret')
          .then(choice => { if (choice) void vscode.commands.executeCommand('bimlink.setClientSecret'); });
      }
      this.schedule(live, delay);
      throw error;
    }
    // Into the session's own storage, even when this window has moved to another environment meanwhile: the server
    // has already replaced the token used, so dropping the new one would end the session.
    const outcome = await this.write(async () => {
      const result = afterRenewal(await live.store.get(renewed.id), renewed, tokens.refreshToken);
      if (result.session) live.stored = result.session;
      if (result.store && result.session) await live.store.put(result.session);
      return result;
    });
    if (outcome.revoke.length) await this.servers.revoke(renewed, outcome.revoke);
    if (!outcome.session || !this.holds(live)) throw new SessionEndedError('You signed out of BIMlink.');
    // a sign-in while this renewal was under way brought an access token of its own: keep that one
    if (live.accessToken === accessTokenBefore || Date.now() >= live.usableUntil) {
      live.accessToken = tokens.accessToken;
      live.usableUntil = usableUntil(tokens);
    }
    live.failedRefreshes = 0;
    this.schedule(live, refreshDueAt(tokens) - Date.now());
    this.deps.log.debug(`Renewed the access token of ${live.stored.account.label}.`);
    this.changed.fire({ added: [], removed: [], changed: [this.toSession(live)] });
    return live.accessToken;
  }

  /**
   * The session's refresh token was refused: sign it out everywhere, revoke the other tokens it kept, such as earlier
   * sign-ins' (they may still work, and nothing else would revoke them), and tell the user why.
   */
  private async end(live: LiveSession, message: string): Promise<void> {
    this.forget(live);
    const latest = await this.write(async () => {
      const latest = await live.store.get(live.stored.id);
      await live.store.delete(live.stored.id);
      return latest;
    });
    this.changed.fire({ added: [], removed: [this.toSession(live)], changed: [] });
    this.deps.log.warn(message);
    void showWarningMessage(`${message} Sign in again to continue.`, 'Sign In').then(choice => {
      if (choice) void vscode.commands.executeCommand('bimlink.signIn');
    });
    // all but the refused one (storage may hold a newer one another window rotated to while this one gave up)
    await this.servers.revoke(latest ?? live.stored, refreshTokensOf(latest ?? live.stored).filter(token => token !== live.stored.refreshToken));
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
  private reconcile(): Promise<void> {
    const run = this.reconciling.then(() => this.reconcileNow());
    this.reconciling = run.catch(() => undefined);
    return run;
  }

  private async reconcileNow(): Promise<void> {
    const environment = this.environment;
    if (!environment) return;
    await this.writes; // this window's own changes first
    const stored = await environment.store.read();
    // A session held here that the index does not name is gone (its key too), or was dropped from the index by
    // another window's write at the same moment (its key is still there): that one goes back into the index.
    for (const live of this.sessions.values()) {
      if (stored.some(s => s.id === live.stored.id)) continue;
      const still = await environment.store.get(live.stored.id);
      if (!still) continue;
      stored.push(still);
      await this.write(() => environment.store.keepIndexed(still.id));
    }
    if (this.environment !== environment) return;
    const added: vscode.AuthenticationSession[] = [];
    const removed: vscode.AuthenticationSession[] = [];
    for (const s of stored) {
      const live = this.sessions.get(s.id);
      if (live) { live.stored = s; continue; }
      const fresh: LiveSession = { stored: s, store: environment.store, accessToken: '', usableUntil: 0, failedRefreshes: 0 };
      this.sessions.set(s.id, fresh);
      // An access token in the background, so the first request need not wait; at a random moment in the next few
      // seconds, so that windows restored together do not all send the same refresh token at once.
      this.schedule(fresh, withJitter(0, this.deps.random ?? Math.random));
      added.push(this.toSession(fresh));
    }
    for (const live of [...this.sessions.values()]) {
      if (stored.some(s => s.id === live.stored.id)) continue;
      this.forget(live);
      removed.push(this.toSession(live));
    }
    if (added.length || removed.length) this.changed.fire({ added, removed, changed: [] });
  }

  /** Runs storage changes one at a time, each on the latest state this window wrote. */
  private write<T>(change: () => Promise<T>): Promise<T> {
    const write = this.writes.then(change);
    this.writes = write.catch(() => undefined);
    return write;
  }

  private toSession(live: LiveSession): vscode.AuthenticationSession {
    return { id: live.stored.id, accessToken: live.accessToken, account: live.stored.account, scopes: live.stored.scopes };
  }
}

function randomId(): string {
  return globalThis.crypto.randomUUID();
}
