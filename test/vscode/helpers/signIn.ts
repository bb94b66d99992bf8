import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { setFaults } from './emulator';
import { useEmulator } from './settings';
import { defaultRedirectUri } from './testPorts';
import { ui } from './ui';

/** Signs in with the extension's command, completing the emulator's login page in the browser as the user would. */
export async function signInAs(user: { email: string; password: string }): Promise<vscode.AuthenticationSession> {
  const signingIn = vscode.commands.executeCommand<vscode.AuthenticationSession | undefined>('bimlink.signIn');
  const page = await ui<{ url: string; text: string }>('sign-in-in-browser', user);
  assert.match(page.text, /You are signed in to BIMlink/);
  assert.ok(page.url.startsWith(`${defaultRedirectUri}?`), page.url);
  const session = await signingIn;
  assert.equal(session?.account.label, user.email, `signed in as ${user.email}`);
  return session;
}

/** For the benches: points the extension at an emulator that logs the user in by itself, and signs in. */
export async function signInByItself(): Promise<vscode.AuthenticationSession> {
  await useEmulator();
  const session = await vscode.commands.executeCommand<vscode.AuthenticationSession | undefined>('bimlink.signIn');
  if (!session) throw new Error('the bench could not sign in');
  return session;
}

export async function accountLabels(): Promise<string[]> {
  return (await vscode.authentication.getAccounts('bimlink')).map(account => account.label).sort();
}

/**
 * Signs every account out with the command (picking each when several are signed in), and makes the browser forget
 * its sign-in, so the next sign-in shows the login page instead of silently choosing whoever signed in last.
 */
export async function signOutEveryone(): Promise<void> {
  for (const label of await accountLabels()) {
    const signingOut = vscode.commands.executeCommand('bimlink.signOut');
    if ((await accountLabels()).length > 1) await ui('fill-quick-input', { text: label });
    await signingOut;
  }
  assert.deepEqual(await accountLabels(), [], 'every account is signed out');
  await ui('clear-browser-cookies');
}

/**
 * Leaves `user` the only account, freshly signed in with a long-lived token: the state a restart must find at rest,
 * with no renewal of an earlier test's short-lived token under way when VS Code closes.
 */
export async function signInAtRest(user: { email: string; password: string }): Promise<void> {
  await useEmulator();
  await setFaults({ accessTokenLifetimeSeconds: 3600 });
  await signOutEveryone();
  await signInAs(user);
}
