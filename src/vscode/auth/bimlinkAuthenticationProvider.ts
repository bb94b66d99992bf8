import * as vscode from 'vscode';
import type { Fetch } from '../../core/auth/authFetch';
import type { Account } from '../../core/auth/idToken';
import { refreshTokensOf, replaceSignIn } from '../../core/auth/sessionChanges';
import { SessionEndedError, sessionEndMessage, type SessionEndReason } from '../../core/auth/sessionEnd';
import { refreshDueAt, usableUntil } from '../../core/auth/tokenClient';
import { SettingError } from '../../core/config/servers';
import { missingClientId, type SettingValues } from '../settings/settings';
import { liveSession, toAuthenticationSession, type LiveSession } from './liveSession';
import { otherServerSessions, signOutOfEnvironments, type OtherServerSessions } from './otherEnvironments';
import { HeldSessions } from './heldSessions';
import { SessionServers } from './sessionServers';
import { clientSecretKey, type StoredSession } from './sessionStore';
import { signInInteractively, type SignInDependencies } from './signInFlow';
import { StorageWrites } from './storageWrites';
import { TokenRenewal } from './tokenRenewal';

export type { OtherServerSessions };

export interface ProviderDependencies extends Omit<SignInDependencies, 'fetch'> {
  readonly fetch: Fetch;
  readonly secrets: vscode.SecretStorage;
  readonly settings: () => SettingValues;
  /** Numbers in [0, 1), for the random delay of the first renewal after a restore (Math.random unless a test sets it). */
  readonly random?: () => number;
}

/** A session ended without the user signing out (see sessionNotices.ts for what the user is told). */
export interface SessionEnded {
  readonly account: Account;
  readonly reason: SessionEndReason;
}

/** Renewing a session fails for a reason only the user can fix, e.g. a wrong client secret. */
export interface RenewalNeedsAction {
  readonly account: Account;
  /** What the sign-in server said, for the user (never a token). */
  readonly message: string;
}

/**
 * The `bimlink` authentication provider (Accounts menu). getSessions answers from memory. Only refresh tokens,
 * accounts, scopes and the servers they belong to are stored (SecretStorage, per environment); access tokens stay in
 * memory and are renewed by TokenRenewal. A refused refresh token signs that session out (onDidEndSession); a network
 * failure keeps the session and tries again later. Sessions changed in another window are picked up through
 * SecretStorage's change event.
 */
export class BimlinkAuthenticationProvider implements vscode.AuthenticationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>();
  readonly onDidChangeSessions = this.changed.event;
  private readonly ended = new vscode.EventEmitter<SessionEnded>();
  readonly onDidEndSession = this.ended.event;
  private readonly needsAction = new vscode.EventEmitter<RenewalNeedsAction>();
  readonly onRenewalNeedsAction = this.needsAction.event;
  private readonly servers: SessionServers;
  private readonly writes = new StorageWrites();
  private readonly renewal: TokenRenewal;
  private readonly held: HeldSessions;

  constructor(private readonly deps: ProviderDependencies) {
    this.servers = new SessionServers(deps);
    this.renewal = new TokenRenewal({
      servers: this.servers,
      writes: this.writes,
      log: deps.log,
      holds: live => this.held.holds(live),
      end: (live, reason) => this.end(live, reason),
      renewed: live => this.changed.fire({ added: [], removed: [], changed: [toAuthenticationSession(live)] }),
      needsAction: (live, message) => this.needsAction.fire({ account: live.stored.account, message }),
    });
    this.held = new HeldSessions({
      secrets: deps.secrets, writes: this.writes, renewal: this.renewal, random: deps.random ?? Math.random, changed: event => this.changed.fire(event),
    });
    this.useSettings();
  }

  /** Follows the settings: another environment means another set of sessions. Call when settings change. */
  useSettings(): void {
    const { servers } = this.deps.settings();
    this.held.use(servers instanceof SettingError ? undefined : servers);
  }

  async getSessions(scopes?: readonly string[]): Promise<vscode.AuthenticationSession[]> {
    return (await this.held.all())
      .filter(live => !scopes || scopes.every(scope => live.stored.scopes.includes(scope)))
      .map(toAuthenticationSession);
  }

  async createSession(scopes: readonly string[]): Promise<vscode.AuthenticationSession> {
    const settings = this.deps.settings();
    if (settings.servers instanceof SettingError) throw settings.servers;
    if (!settings.clientId) throw missingClientId();
    const environment = this.held.current!;
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
      id: globalThis.crypto.randomUUID(),
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
    const current = () => this.held.current === environment;
    let event: vscode.AuthenticationProviderAuthenticationSessionsChangeEvent | undefined;
    const { session, revoke } = await this.writes.run(async () => {
      // what storage holds now: another window may have renewed (rotated) the previous sign-in's token meanwhile
      const held = current() ? this.held.ofAccount(account.id) : undefined;
      const previous = (await environment.store.read()).find(s => s.account.id === account.id) ?? held?.stored;
      const replaced = replaceSignIn(previous, signedIn);
      if (current()) {
        const existing = this.held.get(replaced.session.id);
        const live = existing ?? liveSession(replaced.session, environment.store);
        Object.assign(live, { stored: replaced.session, accessToken: tokens.accessToken, usableUntil: usableUntil(tokens), failedRefreshes: 0 });
        this.held.hold(live);
        this.renewal.schedule(live, refreshDueAt(tokens) - Date.now());
        const session = toAuthenticationSession(live);
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
    const live = this.held.get(sessionId);
    if (!live) return;
    const latest = await this.signOutHere(live);
    this.deps.log.info(`Signed out ${live.stored.account.label}.`);
    // A renewal that finds the session gone revokes its rotated token itself.
    await this.renewal.settled(live);
    await this.servers.revoke(latest ?? live.stored);
  }

  /** A valid access token for the session, renewed first when it is missing or about to expire. */
  async accessToken(sessionId: string, signal?: AbortSignal): Promise<string> {
    const live = this.live(sessionId);
    if (live.accessToken && Date.now() < live.usableUntil) return live.accessToken;
    return this.renewal.renew(live, signal);
  }

  /** The server refused `rejected`: a renewed access token (shared with every other caller that was refused). */
  async renewAccessToken(sessionId: string, rejected: string, signal?: AbortSignal): Promise<string> {
    const live = this.live(sessionId);
    if (live.accessToken && live.accessToken !== rejected && Date.now() < live.usableUntil) return live.accessToken;
    return this.renewal.renew(live, signal);
  }

  /** Keeps (or, with undefined, removes) the secret of the configured client id on the current environment. */
  async setClientSecret(secret: string | undefined): Promise<void> {
    const environment = this.held.current;
    const { clientId, servers } = this.deps.settings();
    if (!environment) throw servers as SettingError;
    if (!clientId) throw missingClientId();
    const key = clientSecretKey(environment.servers.key, clientId);
    if (secret) await this.deps.secrets.store(key, secret);
    else await this.deps.secrets.delete(key);
  }

  /** The environments other than the current one that hold sessions, with their servers and accounts. */
  otherServers(): Promise<OtherServerSessions[]> {
    return otherServerSessions(this.deps.secrets, this.held.current?.servers.key);
  }

  /** Signs every session of these environments out: removed from storage, revoked each at its own server. */
  signOutOfServers(environmentKeys: readonly string[]): Promise<void> {
    return signOutOfEnvironments({ ...this.deps, writes: this.writes, servers: this.servers }, environmentKeys);
  }

  dispose(): void {
    this.held.dispose();
    this.changed.dispose();
    this.ended.dispose();
    this.needsAction.dispose();
  }

  private live(sessionId: string): LiveSession {
    const live = this.held.get(sessionId);
    if (!live) throw new SessionEndedError('You are signed out of BIMlink. Sign in to continue.');
    return live;
  }

  /**
   * Renewing can no longer work: sign the session out everywhere, revoke the other tokens it kept, such as earlier
   * sign-ins' (they may still work, and nothing else would revoke them), and tell why.
   */
  private async end(live: LiveSession, reason: SessionEndReason): Promise<void> {
    const latest = await this.signOutHere(live);
    this.deps.log.warn(sessionEndMessage(live.stored.account.label, reason));
    this.ended.fire({ account: live.stored.account, reason });
    // all but the refused one (storage may hold a newer one another window rotated to while this one gave up)
    await this.servers.revoke(latest ?? live.stored, refreshTokensOf(latest ?? live.stored).filter(token => token !== live.stored.refreshToken));
  }

  /** Forgets the session here and in storage (so in other windows); returns what storage held last, the newest tokens. */
  private async signOutHere(live: LiveSession): Promise<StoredSession | undefined> {
    this.held.forget(live);
    const latest = await this.writes.run(async () => {
      const latest = await live.store.get(live.stored.id);
      await live.store.delete(live.stored.id);
      return latest;
    });
    this.changed.fire({ added: [], removed: [toAuthenticationSession(live)], changed: [] });
    return latest;
  }
}
