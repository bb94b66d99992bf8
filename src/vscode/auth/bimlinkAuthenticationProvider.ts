import * as vscode from 'vscode';

/**
 * The `bimlink` authentication provider, listed in the Accounts menu. Sessions are answered from memory, never
 * from the network, so `getSession(..., { silent: true })` is always cheap.
 */
export class BimlinkAuthenticationProvider implements vscode.AuthenticationProvider, vscode.Disposable {
  private readonly sessions: vscode.AuthenticationSession[] = [];
  private readonly changed = new vscode.EventEmitter<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>();
  readonly onDidChangeSessions = this.changed.event;

  constructor(private readonly log: vscode.LogOutputChannel) {}

  async getSessions(scopes?: readonly string[]): Promise<vscode.AuthenticationSession[]> {
    return this.sessions.filter(session => !scopes || scopes.every(scope => session.scopes.includes(scope)));
  }

  async createSession(): Promise<vscode.AuthenticationSession> {
    this.log.info('Sign-in was requested, but this version of BIMlink Explorer cannot sign in yet.');
    throw new Error('Signing in to BIMlink is not available in this version of BIMlink Explorer yet.');
  }

  async removeSession(sessionId: string): Promise<void> {
    const index = this.sessions.findIndex(session => session.id === sessionId);
    if (index < 0) return;
    const [removed] = this.sessions.splice(index, 1);
    this.changed.fire({ added: [], removed: [removed], changed: [] });
  }

  dispose(): void {
    this.changed.dispose();
  }
}
