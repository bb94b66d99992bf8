// What the phase overview and comparison computed, kept per signed-in client (a client is one server and one user)
// and per phase or pair of phases, until the explorer's Refresh: reading a phase's 100,000 objects again takes
// minutes, so showing a panel again costs nothing. Dropped when the connection changes, as ReferenceServices does;
// a failed or cancelled computation is not kept.
import type * as vscode from 'vscode';
import type { BimlinkClient, PhaseScope } from '../../core/api';
import { idKey } from '../../core/api/ids';
import type { Connection } from '../connection/connection';

export class PhaseResults implements vscode.Disposable {
  private client: BimlinkClient | undefined;
  private readonly results = new Map<string, { scopes: readonly PhaseScope[]; value: unknown }>();
  private readonly subscription: vscode.Disposable;

  constructor(connection: Pick<Connection, 'onDidChange'>) {
    this.subscription = connection.onDidChange(() => this.forget());
  }

  /** The kept result of `kind` for these phases with this client, else what `compute` resolves with (then kept). */
  async get<T>(client: BimlinkClient, kind: string, scopes: readonly PhaseScope[], compute: () => Promise<T>): Promise<T> {
    if (this.client !== client) {
      this.results.clear();
      this.client = client;
    }
    const key = keyOf(kind, scopes);
    const kept = this.results.get(key);
    if (kept) return kept.value as T;
    const value = await compute();
    if (this.client === client) this.results.set(key, { scopes, value });
    return value;
  }

  /** Forgets what involves a phase, or everything (the explorer's Refresh). */
  forget(scope?: PhaseScope): void {
    if (!scope) {
      this.results.clear();
      return;
    }
    for (const [key, { scopes }] of this.results) {
      if (scopes.some(s => idKey(s.domainAccountId) === idKey(scope.domainAccountId) && idKey(s.projectPhaseId) === idKey(scope.projectPhaseId))) this.results.delete(key);
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.results.clear();
  }
}

export function keyOf(kind: string, scopes: readonly PhaseScope[]): string {
  return JSON.stringify([kind, ...scopes.map(s => [idKey(s.domainAccountId), idKey(s.projectPhaseId)])]);
}
