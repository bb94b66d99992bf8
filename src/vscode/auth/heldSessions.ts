import type * as vscode from 'vscode';
import { withJitter } from '../../core/auth/renewalJitter';
import type { Servers } from '../../core/config/servers';
import { liveSession, toAuthenticationSession, type LiveSession } from './liveSession';
import { SessionStore, type StoredSession } from './sessionStore';
import type { StorageWrites } from './storageWrites';
import type { TokenRenewal } from './tokenRenewal';

/** The environment whose sessions are held; another object after every switch, so work begun before can tell. */
export interface HeldEnvironment {
  readonly servers: Servers;
  readonly store: SessionStore;
}

export interface HeldSessionsDependencies {
  readonly secrets: vscode.SecretStorage;
  readonly writes: StorageWrites;
  readonly renewal: Pick<TokenRenewal, 'schedule' | 'stop'>;
  /** Numbers in [0, 1), for the random delay of the first renewal after a restore. */
  readonly random: () => number;
  /** Sessions were added or removed (VS Code's change event). */
  readonly changed: (event: vscode.AuthenticationProviderAuthenticationSessionsChangeEvent) => void;
}

/**
 * The sessions this window holds, those of the current environment, kept in step with storage: sessions signed in
 * or out in another window, and refresh tokens another window rotated, arrive through SecretStorage's change event.
 */
export class HeldSessions implements vscode.Disposable {
  private readonly sessions = new Map<string, LiveSession>();
  private environment: (HeldEnvironment & { watcher: vscode.Disposable }) | undefined;
  private loaded: Promise<void> = Promise.resolve();
  private reconciling: Promise<void> = Promise.resolve();

  constructor(private readonly deps: HeldSessionsDependencies) {}

  get current(): HeldEnvironment | undefined {
    return this.environment;
  }

  /** Holds the sessions of `servers` (none when the settings name no usable servers), dropping the others'. */
  use(servers: Servers | undefined): void {
    if (servers?.key === this.environment?.servers.key) return;
    const removed = [...this.sessions.values()];
    removed.forEach(live => this.deps.renewal.stop(live));
    this.sessions.clear();
    this.environment?.watcher.dispose();
    this.environment = undefined;
    if (removed.length) this.deps.changed({ added: [], removed: removed.map(toAuthenticationSession), changed: [] });
    if (!servers) return;
    const store = new SessionStore(this.deps.secrets, servers);
    this.environment = { servers, store, watcher: store.onDidChange(() => void this.reconcile()) };
    this.loaded = this.reconcile();
  }

  /** Every session held, once storage has been read. */
  async all(): Promise<LiveSession[]> {
    await this.loaded;
    return [...this.sessions.values()];
  }

  get(sessionId: string): LiveSession | undefined {
    return this.sessions.get(sessionId);
  }

  ofAccount(accountId: string): LiveSession | undefined {
    return [...this.sessions.values()].find(live => live.stored.account.id === accountId);
  }

  holds(live: LiveSession): boolean {
    return this.sessions.get(live.stored.id) === live;
  }

  /** Holds a session signed in here (in memory before storage, so that the change event storage fires finds it). */
  hold(live: LiveSession): void {
    this.sessions.set(live.stored.id, live);
  }

  forget(live: LiveSession): void {
    this.deps.renewal.stop(live);
    this.sessions.delete(live.stored.id);
  }

  dispose(): void {
    for (const live of this.sessions.values()) this.deps.renewal.stop(live);
    this.environment?.watcher.dispose();
  }

  private reconcile(): Promise<void> {
    const run = this.reconciling.then(() => this.reconcileNow());
    this.reconciling = run.catch(() => undefined);
    return run;
  }

  private async reconcileNow(): Promise<void> {
    const environment = this.environment;
    if (!environment) return;
    let read = await this.readStored(environment);
    // A change of this window's during the read (a renewal storing its rotated token, a sign-in) may have replaced what
    // was read: read again, or memory would go back to a refresh token the server no longer accepts.
    for (let tries = 1; read.changedMeanwhile && tries < 5; tries++) read = await this.readStored(environment);
    const { stored, unindexed } = read;
    if (this.environment !== environment) return;
    const added: vscode.AuthenticationSession[] = [];
    const removed: vscode.AuthenticationSession[] = [];
    for (const s of stored) {
      const live = this.sessions.get(s.id);
      if (live) { live.stored = s; continue; }
      const fresh = liveSession(s, environment.store);
      this.sessions.set(s.id, fresh);
      // An access token in the background, so the first request need not wait; at a random moment in the next few
      // seconds, so that windows restored together do not all send the same refresh token at once.
      this.deps.renewal.schedule(fresh, withJitter(0, this.deps.random));
      added.push(toAuthenticationSession(fresh));
    }
    for (const live of [...this.sessions.values()]) {
      if (stored.some(s => s.id === live.stored.id)) continue;
      this.forget(live);
      removed.push(toAuthenticationSession(live));
    }
    if (added.length || removed.length) this.deps.changed({ added, removed, changed: [] });
    for (const id of unindexed) await this.deps.writes.run(() => environment.store.keepIndexed(id));
  }

  /**
   * What storage holds, with the ids of sessions held here that the index does not name but whose own key is still
   * there: dropped from the index by another window's write at the same moment, they go back into it.
   */
  private async readStored(environment: HeldEnvironment): Promise<{ stored: StoredSession[]; unindexed: string[]; changedMeanwhile: boolean }> {
    await this.deps.writes.idle(); // this window's own changes first
    const writes = this.deps.writes.count;
    const stored = await environment.store.read();
    const unindexed: string[] = [];
    for (const live of this.sessions.values()) {
      if (stored.some(s => s.id === live.stored.id)) continue;
      const still = await environment.store.get(live.stored.id);
      if (!still) continue;
      stored.push(still);
      unindexed.push(still.id);
    }
    return { stored, unindexed, changedMeanwhile: this.deps.writes.count !== writes };
  }
}
