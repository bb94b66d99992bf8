// What the phase overview and comparison computed, kept per signed-in client (a client is one server and one user)
// and per phase or pair of phases, until the explorer's Refresh: showing a panel again costs nothing, where reading
// the phases again would read every page of their objects (100 pages for 100,000). Dropped when the connection
// changes, as ReferenceServices does; a failed or cancelled computation is not kept.
import type * as vscode from 'vscode';
import type { BimlinkClient, PhaseScope } from '../../core/api';
import { idKey } from '../../core/api/ids';
import type { Connection } from '../connection/connection';

interface Entry<V> {
  readonly scopes: readonly PhaseScope[];
  readonly value: V;
}

export class PhaseResults implements vscode.Disposable {
  private client: BimlinkClient | undefined;
  private readonly results = new Map<string, Entry<unknown>>();
  /** The computation running per key: a second request waits on it instead of reading the phases again. */
  private readonly running = new Map<string, Entry<Promise<unknown>>>();
  /**
   * Bumped by every forget: a computation started before it must not keep what it read before the Refresh (after a
   * phase's Refresh, not even one of other phases: it is only read again when next asked for).
   */
  private generation = 0;
  private readonly subscription: vscode.Disposable;

  constructor(connection: Pick<Connection, 'onDidChange'>) {
    this.subscription = connection.onDidChange(() => this.forget());
  }

  /** The kept result of `kind` for these phases with this client, else what `compute` resolves with (then kept). */
  get<T>(client: BimlinkClient, kind: string, scopes: readonly PhaseScope[], compute: () => Promise<T>): Promise<T> {
    if (this.client !== client) {
      this.forget();
      this.client = client;
    }
    const key = keyOf(kind, scopes);
    const kept = this.results.get(key);
    if (kept) return Promise.resolve(kept.value as T);
    const running = this.running.get(key);
    if (running) return running.value as Promise<T>;
    const generation = this.generation;
    const entry: Entry<Promise<T>> = {
      scopes,
      value: compute().then(value => {
        if (this.generation === generation && this.client === client) this.results.set(key, { scopes, value });
        return value;
      }).finally(() => {
        if (this.running.get(key) === entry) this.running.delete(key); // settled: a failure is not handed to later requests
      }),
    };
    this.running.set(key, entry);
    return entry.value;
  }

  /**
   * Forgets what involves a phase, or everything (the explorer's Refresh). A computation still running keeps going
   * for whoever waits on it, but what it finds is not kept, and a new request starts afresh.
   */
  forget(scope?: PhaseScope): void {
    this.generation++;
    for (const map of [this.results, this.running]) {
      if (!scope) map.clear();
      else for (const [key, { scopes }] of map) if (scopes.some(s => samePhase(s, scope))) map.delete(key);
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.forget();
  }
}

export function keyOf(kind: string, scopes: readonly PhaseScope[]): string {
  return JSON.stringify([kind, ...scopes.map(s => [idKey(s.domainAccountId), idKey(s.projectPhaseId)])]);
}

const samePhase = (a: PhaseScope, b: PhaseScope): boolean =>
  idKey(a.domainAccountId) === idKey(b.domainAccountId) && idKey(a.projectPhaseId) === idKey(b.projectPhaseId);
