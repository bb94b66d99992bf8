import type * as vscode from 'vscode';
import type { Account } from '../../core/auth/idToken';

/** What survives a restart: never an access token, only the refresh token, the account and the scopes. */
export interface StoredSession {
  readonly id: string;
  readonly account: Account;
  readonly scopes: readonly string[];
  readonly refreshToken: string;
  /** The client the refresh token was issued to: renewals must use the same one. */
  readonly clientId: string;
  /**
   * Refresh tokens of earlier sign-ins of this account, revoked when it signs out. Not at once: a server may tie
   * them to the same grant as the current one, and revoking them would end the session just renewed.
   */
  readonly superseded?: readonly string[];
}

/** The sessions of one environment (servers), in SecretStorage, which VS Code encrypts with the OS keychain. */
export class SessionStore {
  constructor(private readonly secrets: vscode.SecretStorage, private readonly environmentKey: string) {}

  get key(): string {
    return `bimlink.sessions:${this.environmentKey}`;
  }

  async read(): Promise<StoredSession[]> {
    const text = await this.secrets.get(this.key);
    if (!text) return [];
    try {
      const value: unknown = JSON.parse(text);
      return Array.isArray(value) ? value.filter(isStoredSession) : [];
    } catch {
      return []; // unreadable: treat as signed out rather than fail every start
    }
  }

  async write(sessions: readonly StoredSession[]): Promise<void> {
    if (sessions.length) await this.secrets.store(this.key, JSON.stringify(sessions));
    else await this.secrets.delete(this.key);
  }

  /** Fires when this environment's sessions change, in this window or another. */
  onDidChange(listener: () => void): vscode.Disposable {
    return this.secrets.onDidChange(event => { if (event.key === this.key) listener(); });
  }
}

function isStoredSession(value: unknown): value is StoredSession {
  const s = value as StoredSession;
  return typeof s?.id === 'string' && typeof s.refreshToken === 'string' && typeof s.clientId === 'string' && typeof s.account?.id === 'string'
    && typeof s.account.label === 'string' && Array.isArray(s.scopes)
    && (s.superseded === undefined || (Array.isArray(s.superseded) && s.superseded.every(t => typeof t === 'string')));
}

/** The client secret of a client id on an environment, where BIMlink issued one: SecretStorage, never settings. */
export function clientSecretKey(environmentKey: string, clientId: string): string {
  return `bimlink.clientSecret:${environmentKey}|${clientId}`;
}
