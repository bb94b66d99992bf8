// After VS Code restarted on the same profile: the session that auth.test.ts left is still there, renewed from the
// stored refresh token with no browser, and signing out still reaches the server.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { admin, anna } from '../helpers/emulator';
import { ui, uiDriverUrl } from '../helpers/ui';
import { waitFor } from '../helpers/wait';

suite('Sign-in after a restart', function () {
  this.timeout(60_000);

  suiteSetup(function () {
    if (!uiDriverUrl) this.skip();
  });

  test('the user is still signed in, and a new access token came from the stored refresh token without a browser', async () => {
    await vscode.extensions.getExtension('bimlink-explorer.bimlink-explorer')!.activate();
    const accounts = await waitFor('the restored account', async () => {
      const found = await vscode.authentication.getAccounts('bimlink');
      return found.length ? found : undefined;
    });
    assert.deepEqual(accounts.map(a => a.label), [anna.email]);
    // Access tokens are never stored: the explorer can load only with one renewed from the stored refresh token.
    await vscode.commands.executeCommand('bimlink.explorer.focus');
    await ui('tree-wait-for', { label: 'Demo Vastgoed BV' });
    assert.deepEqual((await ui<{ urls: string[] }>('pages')).urls, [], 'no browser page was opened');
  });

  test('signing out revokes the restored session at the server', async () => {
    await vscode.commands.executeCommand('bimlink.signOut');
    assert.deepEqual(await vscode.authentication.getAccounts('bimlink'), []);
    const result = await admin<{ refreshTokens: number }>('POST', `/users/${encodeURIComponent(anna.email)}/revoke-refresh-tokens`);
    assert.equal(result.refreshTokens, 0, 'nothing was left to revoke');
  });
});
