import * as vscode from 'vscode';
import { defaultScopes } from '../../core/scopes';
import { SettingError } from '../../core/config/servers';
import type { BimlinkAuthenticationProvider } from '../auth/bimlinkAuthenticationProvider';
import { missingClientId, showSettingError, type Settings } from '../settings/settings';
import { isCancellation } from '../feedback/errorMessages';
import { showErrorMessage, showInformationMessage } from '../feedback/messages';

/**
 * Sign In (also to another account): asks the provider directly. Going through vscode.authentication.getSession
 * would first ask the user to allow this extension to use its own sign-in; the session still reaches the Accounts
 * menu and other extensions through the provider's change event.
 */
export async function signIn(provider: BimlinkAuthenticationProvider, settings: Settings, log: vscode.LogOutputChannel): Promise<vscode.AuthenticationSession | undefined> {
  const { servers, clientId } = settings.values;
  const problem = servers instanceof SettingError ? servers : clientId ? undefined : missingClientId();
  if (problem) {
    reportSignInError(provider, settings, log, problem);
    return undefined;
  }
  try {
    return await provider.createSession(defaultScopes);
  } catch (error) {
    reportSignInError(provider, settings, log, error);
    return undefined;
  }
}

/** Tells the user why sign-in failed, without waiting for them to read it; a cancel stays silent. */
function reportSignInError(provider: BimlinkAuthenticationProvider, settings: Settings, log: vscode.LogOutputChannel, error: unknown): void {
  if (isCancellation(error)) {
    log.info('Sign-in was cancelled.');
    return;
  }
  if (error instanceof SettingError) {
    log.warn(error.message);
    void showSettingError(error);
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  log.error(`Sign-in failed: ${message}`);
  void showErrorMessage(message, 'Try Again', 'Show Log').then(choice => {
    if (choice === 'Try Again') void signIn(provider, settings, log);
    else if (choice === 'Show Log') log.show();
  });
}

/** Sign Out: one account, or the one the user picks when several are signed in. */
export async function signOut(provider: BimlinkAuthenticationProvider): Promise<void> {
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
export async function setClientSecret(provider: BimlinkAuthenticationProvider): Promise<void> {
  const secret = await vscode.window.showInputBox({
    title: 'BIMlink client secret',
    prompt: 'The client secret BIMlink issued with your client id, if any. It is kept in VS Code\'s secret storage. Leave empty to remove it.',
    password: true,
    ignoreFocusOut: true,
  });
  if (secret === undefined) return;
  try {
    await provider.setClientSecret(secret.trim() || undefined);
    vscode.window.setStatusBarMessage(secret.trim() ? 'BIMlink client secret saved' : 'BIMlink client secret removed', 3000);
  } catch (error) {
    if (error instanceof SettingError) await showSettingError(error);
    else throw error;
  }
}
