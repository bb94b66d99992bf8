// After a restart, an entity document that was open comes back and loads again from the server.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { anna } from '../helpers/emulator';
import { accountLabels, signInAs } from '../helpers/signIn';
import { uiDriverUrl } from '../helpers/ui';
import { waitFor } from '../helpers/wait';

suite('Entity documents after a restart', function () {
  this.timeout(60_000);

  suiteSetup(function () {
    if (!uiDriverUrl) this.skip();
  });

  test('the page that was open loads again from its address alone, as a restored tab does', async () => {
    if (!(await accountLabels()).includes(anna.email)) await signInAs(anna);
    const note = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'open-before-restart.txt');
    const uri = vscode.Uri.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(note)));
    assert.equal(uri.scheme, 'bimlink');
    // Nothing of the first window is in memory now: the file system provider must load the page itself.
    const document = await waitFor('the page', async () => vscode.workspace.openTextDocument(uri));
    const json = JSON.parse(document.getText()) as { collection: string; items: unknown[] };
    assert.equal(json.collection, 'spaces');
    assert.ok(json.items.length > 0);
  });
});
