import type * as vscode from 'vscode';
import { knownServers } from '../../core/config/servers';
import { clientSecretKey, readStoredSession, type SessionEnvironment, type StoredSession } from '../../core/auth/storedSession';

export { clientSecretKey, type StoredSession };

/**
 * The sessions of one environment (servers), in SecretStorage, which VS Code encrypts with the OS keychain.
 *
 * One key per session (`bimlink.session:<environment>:<id>`), and an index of ids (`bimlink.sessions:<environment>`).
 * Why: several windows share SecretStorage, which has get, store and delete but no compare-and-swap. With every
 * session in one value, two windows renewing two sessions at once each read the list, put in their rotated token and
 * write it back, and the second write drops the first's token — which the server has already replaced, so that
 * session is lost. Reading back after writing cannot catch it: a read-back sees the writes made before it, not the
 * overwrite that lands just after. With a key per session a renewal writes only its own session's value, so windows
 * renewing different sessions never write the same value. The index is still shared, but it changes only at sign-in
 * and sign-out, and it is only a hint: a session exists when its own key does. A session is written before it is
 * indexed and deleted before it is unindexed, so an index that lost a concurrent update either names a session that
 * is gone (skipped) or misses one that exists, which the window holding it puts back (`keepIndexed`).
 */
export class SessionStore {
  constructor(private readonly secrets: vscode.SecretStorage, readonly environment: SessionEnvironment) {}

  /** The index key (earlier versions kept the whole sessions there). */
  get key(): string {
    return `bimlink.sessions:${this.environment.key}`;
  }

  async read(): Promise<StoredSession[]> {
    const sessions = await Promise.all((await this.ids()).map(id => this.get(id)));
    return sessions.filter((session): session is StoredSession => session !== undefined);
  }

  async get(id: string): Promise<StoredSession | undefined> {
    const session = readStoredSession(parse(await this.secrets.get(this.sessionKey(id))), this.environment);
    return session?.id === id ? session : undefined;
  }

  /** Stores a session (a sign-in, or a rotated refresh token), then makes sure the index names it. */
  async put(session: StoredSession): Promise<void> {
    await this.secrets.store(this.sessionKey(session.id), JSON.stringify(session));
    await this.keepIndexed(session.id);
    await rememberEnvironment(this.secrets, this.environment.key);
  }

  async delete(id: string): Promise<void> {
    await this.secrets.delete(this.sessionKey(id));
    await this.changeIndex(ids => ids.filter(other => other !== id));
  }

  /** Puts a stored session's id back into the index, where another window's write dropped it. */
  async keepIndexed(id: string): Promise<void> {
    await this.changeIndex(ids => ids.includes(id) ? ids : [...ids, id]);
  }

  /** Fires when this environment's sessions change, in this window or another. */
  onDidChange(listener: () => void): vscode.Disposable {
    const sessionKeys = this.sessionKey('');
    return this.secrets.onDidChange(event => { if (event.key === this.key || event.key.startsWith(sessionKeys)) listener(); });
  }

  private sessionKey(id: string): string {
    return `bimlink.session:${this.environment.key}:${id}`;
  }

  private async ids(): Promise<string[]> {
    const value = parse(await this.secrets.get(this.key));
    if (!Array.isArray(value)) return []; // none, or unreadable: treat as signed out rather than fail every start
    return value.every(id => typeof id === 'string') ? value : this.migrate(value);
  }

  /**
   * Earlier versions kept every session in the index key: give each its own key (unless a window did already, which
   * may since have stored a newer token), then keep only the ids.
   */
  private async migrate(list: unknown[]): Promise<string[]> {
    const sessions = list.map(value => readStoredSession(value, this.environment)).filter(s => s !== undefined);
    for (const session of sessions) {
      if (!await this.secrets.get(this.sessionKey(session.id))) await this.secrets.store(this.sessionKey(session.id), JSON.stringify(session));
    }
    const ids = sessions.map(session => session.id);
    await this.writeIndex(ids);
    if (ids.length) await rememberEnvironment(this.secrets, this.environment.key);
    return ids;
  }

  private async changeIndex(change: (ids: string[]) => string[]): Promise<void> {
    const ids = await this.ids();
    const next = change(ids);
    if (next.length !== ids.length || next.some((id, i) => id !== ids[i])) await this.writeIndex(next);
  }

  private async writeIndex(ids: readonly string[]): Promise<void> {
    if (ids.length) await this.secrets.store(this.key, JSON.stringify(ids));
    else await this.secrets.delete(this.key);
  }
}

/**
 * Environments that sessions were stored for, so that Sign Out of Other Servers can find them: SecretStorage cannot
 * list its keys. Live and demo are always there: earlier versions stored sessions for them without recording it.
 */
const environmentsKey = 'bimlink.environments';

export async function storedEnvironmentKeys(secrets: vscode.SecretStorage): Promise<string[]> {
  return [...new Set([...Object.keys(knownServers), ...await rememberedEnvironments(secrets)])];
}

/** Whether a SecretStorage change may change which environments have sessions. */
export function affectsEnvironments(key: string): boolean {
  return key === environmentsKey || key.startsWith('bimlink.sessions:');
}

async function rememberEnvironment(secrets: vscode.SecretStorage, environmentKey: string): Promise<void> {
  const known = await rememberedEnvironments(secrets);
  if (!known.includes(environmentKey)) await secrets.store(environmentsKey, JSON.stringify([...known, environmentKey]));
}

export async function forgetEnvironment(secrets: vscode.SecretStorage, environmentKey: string): Promise<void> {
  const known = await rememberedEnvironments(secrets);
  if (!known.includes(environmentKey)) return;
  const rest = known.filter(key => key !== environmentKey);
  if (rest.length) await secrets.store(environmentsKey, JSON.stringify(rest));
  else await secrets.delete(environmentsKey);
}

async function rememberedEnvironments(secrets: vscode.SecretStorage): Promise<string[]> {
  const value = parse(await secrets.get(environmentsKey));
  return Array.isArray(value) ? value.filter((key): key is string => typeof key === 'string') : [];
}

function parse(text: string | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
