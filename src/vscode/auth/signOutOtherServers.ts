import * as vscode from 'vscode';
import type { Settings } from '../settings/settings';
import type { BimlinkAuthenticationProvider, OtherServerSessions } from './bimlinkAuthenticationProvider';
import { affectsEnvironments } from './sessionStore';
import { showInformationMessage } from '../feedback/messages';
import { defineCommand, registerCommand } from '../commands/command';

/** True while sessions are stored for servers other than the current ones: the command shows in the palette. */
const signedInElsewhere = 'bimlink.signedInElsewhere';

/**
 * Sign Out of Other Servers: sessions are kept per environment, so switching `bimlink.environment` leaves the other
 * servers' sessions stored. The user picks which of those servers to sign out of; each session's refresh token is
 * revoked at its own server, with its own client, and removed from storage.
 */
export async function signOutOtherServers(provider: BimlinkAuthenticationProvider): Promise<void> {
  const others = await provider.otherServers();
  if (!others.length) {
    void showInformationMessage('You are not signed in to any other BIMlink server.');
    return;
  }
  const picked = await vscode.window.showQuickPick(others.map(other => ({
    label: other.servers.apiUrl,
    description: describe(other),
    detail: other.accounts.map(account => account.label).join(', '),
    picked: true, // the command says "other servers": all of them, unless the user keeps some
    other,
  })), { title: 'Sign out of other BIMlink servers', placeHolder: 'Choose the servers to sign out of', canPickMany: true });
  if (!picked?.length) return;
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Signing out of other BIMlink servers…' },
    () => provider.signOutOfServers(picked.map(item => item.other.environmentKey)));
  void showInformationMessage(picked.length === 1
    ? `Signed out of the BIMlink server ${picked[0].label}.`
    : `Signed out of ${picked.length} BIMlink servers.`);
}

/** Registers the command, and keeps the context key that shows it in the palette up to date. */
export function registerSignOutOtherServers(provider: BimlinkAuthenticationProvider, secrets: vscode.SecretStorage, settings: Settings, log: vscode.LogOutputChannel): vscode.Disposable {
  let timer: NodeJS.Timeout | undefined;
  // After a short pause: a settings change reaches the provider through another listener, and storage changes come
  // in bursts (a sign-in writes a session, the index and the list of environments).
  const update = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void provider.otherServers().then(
      others => vscode.commands.executeCommand('setContext', signedInElsewhere, others.length > 0), () => undefined), 250);
  };
  update();
  return vscode.Disposable.from(
    registerCommand(defineCommand({ id: 'bimlink.signOutOtherServers', parameters: [], run: () => signOutOtherServers(provider) }), log),
    secrets.onDidChange(event => { if (affectsEnvironments(event.key)) update(); }),
    settings.onDidChange(update),
    { dispose: () => clearTimeout(timer) },
  );
}

function describe(other: OtherServerSessions): string {
  const name = other.environmentKey === 'live' ? 'Live' : other.environmentKey === 'demo' ? 'Demo' : 'Custom';
  return other.servers.authority === other.servers.apiUrl ? name : `${name}, signing in at ${other.servers.authority}`;
}
