// The last suite before the restart (suites run in file-name order): it leaves what the *.after-restart suites
// look for — an entity document open in an editor, and its address noted in the workspace.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { admin, anna, setFaults } from '../helpers/emulator';
import { signInAs, signOutEveryone } from '../helpers/signIn';
import { ui, uiDriverUrl } from '../helpers/ui';

suite('Before the restart', function () {
  this.timeout(60_000);

  suiteSetup(function () {
    if (!uiDriverUrl) this.skip();
  });

  test('leaves a page of spaces open', async () => {
    // Anna signs in afresh with a long-lived token: a renewal left over from an earlier suite's short-lived tokens
    // could still be under way when VS Code closes, and the restart must find a session at rest.
    await setFaults({ accessTokenLifetimeSeconds: 3600 });
    await signOutEveryone();
    await signInAs(anna);
    const { ids } = await admin<{ ids: { demoVastgoed: string; grootModel: string } }>('GET', '');
    const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('bimlink.openEntities',
      { domainAccountId: ids.demoVastgoed, projectPhaseId: ids.grootModel }, 'spaces');
    assert.ok(editor, `the page opened (notifications: ${(await ui<{ messages: string[] }>('notifications')).messages.join(' | ')})`);
    assert.equal((JSON.parse(editor.document.getText()) as { collection: string }).collection, 'spaces');
    await vscode.commands.executeCommand('workbench.action.keepEditor'); // pinned, as a user's open tab would be
    // Where the restored window will find it, should the workbench not restore the tab itself.
    const note = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'open-before-restart.txt');
    await vscode.workspace.fs.writeFile(note, new TextEncoder().encode(editor.document.uri.toString()));
  });
});
