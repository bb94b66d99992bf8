import * as vscode from 'vscode';
import { defaultScopes } from '../../core/scopes';
import { SettingError } from '../../core/config/servers';
import type { BimlinkAuthenticationProvider } from '../auth/bimlinkAuthenticationProvider';
import { missingClientId, type Settings } from '../settings/settings';
import { showInformationMessage } from '../feedback/messages';
import { defineCommand, type Command } from './command';

/** Sign In, Sign Out and Set Client Secret. */
export function authCommands(provider: BimlinkAuthenticationProvider, settings: Settings): Command[] {
  return [
    // a sign-in may fail for a moment (the network, the browser): Retry
    defineCommand({ id: 'bimlink.signIn', parameters: [], run: () => signIn(provider, settings), retry: true }),
    defineCommand({ id: 'bimlink.signOut', parameters: [], run: () => signOut(provider) }),
    defineCommand({ id: 'bimlink.setClientSecret', parameters: [], run: () => setClientSecret(provider) }),
  ];
}

/**
 * Sign In (also to another account): asks the provider directly. Going through vscode.authentication.getSession
 * would first ask the user to allow this extension to use its own sign-in; the session still reaches the Accounts
 * menu and other extensions through the provider's change event.
 */
function signIn(provider: BimlinkAuthenticationProvider, settings: Settings): Promise<vscode.AuthenticationSession> {
  const { servers, clientId } = settings.values;
  const problem = servers instanceof SettingError ? servers : clientId ? undefined : missingClientId();
  if (problem) throw problem;
  return provider.createSession(defaultScopes);
}

/** Sign Out: one account, or the one the user picks when several are signed in. */
async function signOut(provider: BimlinkAuthenticationProvider): Promise<void> {
  const sessions = await provider.getSessions();
  if (!sessions.length) {
    void showInformationMessage('You are not signed in to BIMlink.');
    return;
  }
  const chosen = sessions.length === 1 ? sessions[0] : (await vscode.window.showQuickPick(
    sessions.map(session => ({ label: session.account.label, session })),
    { title: 'Sign out of BIMlink', placeHolder: 'Choose the account to sign out' }))?.session;
  if (chosen) await provider.removeSession(chosen.id);
}

/** Set Client Secret: kept in SecretStorage, for the current environment; an empty value removes it. */
async function setClientSecret(provider: BimlinkAuthenticationProvider): Promise<void> {
  const secret = await vscode.window.showInputBox({
    title: 'BIMlink client secret',
    prompt: 'The client secret BIMlink issued with your client id, if any. It is kept in VS Code\'s secret storage. Leave empty to remove it.',
    password: true,
    ignoreFocusOut: true,
  });
  if (secret === undefined) return;
  await provider.setClientSecret(secret.trim() || undefined);
  vscode.window.setStatusBarMessage(secret.trim() ? 'BIMlink client secret saved' : 'BIMlink client secret removed', 3000);
}
