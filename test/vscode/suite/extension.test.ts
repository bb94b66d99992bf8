// The extension in a real VS Code extension host: it activates, its contributions are live, its provider answers.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const extensionId = 'bimlink-explorer.bimlink-explorer';

suite('Extension', () => {
  test('runs in a real VS Code extension host', () => {
    assert.match(vscode.version, /^1\.\d+\.\d+/);
    console.log(`      VS Code ${vscode.version} (${vscode.env.appName}, ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'} UI)`);
  });

  test('activates', async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `${extensionId} is installed`);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  test('registers every contributed command', async () => {
    const contributed: { command: string }[] = vscode.extensions.getExtension(extensionId)!.packageJSON.contributes.commands;
    assert.ok(contributed.length >= 11, `${contributed.length} commands contributed`);
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.map(c => c.command).filter(id => !registered.has(id));
    assert.deepEqual(missing, [], `commands contributed but not registered: ${missing.join(', ')}`);
  });

  test('the bimlink authentication provider answers a silent getSession without error', async () => {
    const session = await vscode.authentication.getSession('bimlink', ['bimlink_publicapi'], { silent: true });
    assert.equal(session, undefined, 'no one is signed in yet');
  });

  test('the BIMlink view can be focused', async () => {
    await vscode.commands.executeCommand('bimlink.explorer.focus');
    await vscode.commands.executeCommand('workbench.view.extension.bimlink');
  });

});
