import * as vscode from 'vscode';
import { sessionEndMessage } from '../../core/auth/sessionEnd';
import { showErrorMessage, showWarningMessage } from '../feedback/messages';
import type { BimlinkAuthenticationProvider } from './bimlinkAuthenticationProvider';

/**
 * Tells the user what renewals found out in the background, with the button that helps: a session that ended
 * (Sign In), a renewal refused for a reason only the user can fix, such as a wrong client secret (Set Client Secret).
 */
export function showSessionNotices(auth: Pick<BimlinkAuthenticationProvider, 'onDidEndSession' | 'onRenewalNeedsAction'>): vscode.Disposable {
  return vscode.Disposable.from(
    auth.onDidEndSession(({ account, reason }) => {
      void showWarningMessage(`${sessionEndMessage(account.label, reason)} Sign in again to continue.`, 'Sign In').then(choice => {
        if (choice) void vscode.commands.executeCommand('bimlink.signIn');
      });
    }),
    auth.onRenewalNeedsAction(({ message }) => {
      void showErrorMessage(`${message} Check the client id and client secret for BIMlink.`, 'Set Client Secret').then(choice => {
        if (choice) void vscode.commands.executeCommand('bimlink.setClientSecret');
      });
    }),
  );
}
