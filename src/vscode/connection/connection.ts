import { decodeJwt } from 'jose';
import * as vscode from 'vscode';
import { BimlinkClient, type Fetch } from '../../core/api';
import type { Account } from '../../core/auth/idToken';
import { SettingError, type Servers } from '../../core/config/servers';
import type { BimlinkAuthenticationProvider } from '../auth/bimlinkAuthenticationProvider';
import type { Settings } from '../settings/settings';

/** What the explorer works with: who is signed in where, and a client that acts for them. */
export type ConnectionState =
  | { readonly kind: 'misconfigured'; readonly error: SettingError }
  | { readonly kind: 'signedOut' }
  | { readonly kind: 'signedIn'; readonly account: Account; readonly sessionId: string; readonly client: BimlinkClient;
      /** Environment and account: what the views' data and ids belong to. */
      readonly scope: string;
      readonly pageSize: number;
      /** bimlink.collections, as the client was built with. */
      readonly collections: Readonly<Record<string, string>> };

/**
 * The active BIMlink account: the one the user chose, else the first signed in. `onDidChange` fires when the
 * account, the environment or a setting the client depends on changes — never for a mere token renewal, so views
 * do not reload every hour.
 */
export class Connection implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ConnectionState>();
  readonly onDidChange = this.changed.event;
  private current: ConnectionState = { kind: 'signedOut' };
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly auth: BimlinkAuthenticationProvider, private readonly settings: Settings,
    private readonly globalState: vscode.Memento, private readonly fetch: Fetch, private readonly log: vscode.LogOutputChannel) {
    this.subscriptions = [auth.onDidChangeSessions(() => void this.update())];
  }

  get state(): ConnectionState {
    return this.current;
  }

  /** Re-reads sessions and settings; call on start and when settings change. */
  async update(): Promise<void> {
    const next = await this.compute();
    if (signature(next) === signature(this.current)) return;
    this.current = next;
    this.log.info(`Explorer: ${next.kind === 'signedIn' ? `${next.account.label} on ${next.scope.split('|')[0]}` : next.kind}.`);
    this.changed.fire(next);
  }

  /** Makes another signed-in account the active one. */
  async useAccount(accountId: string): Promise<void> {
    await this.globalState.update(accountKey(this.settings.values.servers), accountId);
    await this.update();
  }

  /** Signed-in accounts, for pickers. */
  async accounts(): Promise<Account[]> {
    return (await this.auth.getSessions()).map(session => session.account);
  }

  /** The claims of the active session's access token (for Check Server); the token itself never leaves here. */
  async accessTokenClaims(): Promise<Record<string, unknown>> {
    const state = this.current;
    if (state.kind !== 'signedIn') throw new Error('Sign in to BIMlink first.');
    return decodeJwt(await this.auth.accessToken(state.sessionId));
  }

  dispose(): void {
    this.subscriptions.forEach(s => s.dispose());
    this.changed.dispose();
  }

  private async compute(): Promise<ConnectionState> {
    const settings = this.settings.values;
    if (settings.servers instanceof SettingError) return { kind: 'misconfigured', error: settings.servers };
    const sessions = await this.auth.getSessions();
    const chosen = this.globalState.get<string>(accountKey(settings.servers));
    const session = sessions.find(s => s.account.id === chosen) ?? sessions[0];
    if (!session) return { kind: 'signedOut' };
    const sessionId = session.id;
    const client = new BimlinkClient({
      baseUrl: settings.servers.apiUrl,
      fetch: this.fetch,
      pageSize: settings.pageSize,
      collections: settings.collections,
      tokens: {
        getAccessToken: signal => this.auth.accessToken(sessionId, signal),
        refreshAccessToken: (rejected, signal) => this.auth.renewAccessToken(sessionId, rejected, signal),
      },
      onEvent: event => this.log.debug(event.type === 'retry'
        ? `Retrying ${event.request.method} ${event.request.path} in ${event.delayMs} ms (${event.reason}${event.status ? ` ${event.status}` : ''}).`
        : `Renewing the access token after ${event.request.method} ${event.request.path} was refused.`),
    });
    return { kind: 'signedIn', account: session.account, sessionId, client, scope: `${settings.servers.key}|${session.account.id}`, pageSize: settings.pageSize,
      collections: settings.collections };
  }
}

/** Where the user's choice of active account is kept: one per environment. */
function accountKey(servers: Servers | SettingError): string {
  return `bimlink.activeAccount:${servers instanceof SettingError ? '' : servers.key}`;
}

/** Two states are the same for the views when they name the same servers, account, page size and collections. */
function signature(state: ConnectionState): string {
  return state.kind === 'signedIn' ? `in:${state.scope}|${state.pageSize}|${JSON.stringify(state.collections)}` : state.kind === 'misconfigured' ? `bad:${state.error.setting}:${state.error.message}` : 'out';
}
