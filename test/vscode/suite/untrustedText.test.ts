// Text from outside shows as text, in the real workbench: a storey that a partner's IFC model named as a Markdown
// command link (the emulator's hostileNames fault) shows as that text in the explorer, and an export of it reports
// the name in a notification without a link that would run the command on one click.
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { admin, setFaults } from '../helpers/emulator';
import { expand, freshExplorer, startAsAnna, waitForRow } from '../helpers/tree';
import { clearNotifications, ui, uiDriverUrl } from '../helpers/ui';
import { waitFor } from '../helpers/wait';

const hostileName = '[00 Begane grond](command:workbench.action.openSettings)';
const withoutZeroWidthSpaces = (text: string) => text.replace(/\u200B/g, '');

interface Toast { message: string; links: { text: string; href: string }[] }

suite('Untrusted text', function () {
  this.timeout(120_000);

  suiteSetup(async function () {
    if (!uiDriverUrl) this.skip();
    await startAsAnna();
  });

  teardown(async () => {
    await setFaults({ hostileNames: false });
    await clearNotifications();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  suiteTeardown(async () => {
    if (uiDriverUrl) await freshExplorer(); // the storeys' own names again, for the suites that follow
  });

  test('a storey named as a command link: the explorer shows the name, and the export\'s notification has no link', async () => {
    await setFaults({ hostileNames: true });
    await freshExplorer();
    await expand('Demo Vastgoed BV', 'Campus Noord, Utrecht', 'Nieuwbouw Gebouw B', 'Definitief ontwerp', 'Kavel B', 'Gebouw B', 'Hoofdgebouw');
    await waitForRow(hostileName); // a tree label is plain text: the name as the server sent it

    // The storey as the explorer knows it: open its entities from its row; the page names the storey.
    await ui('tree-context-menu', { label: hostileName, item: 'Open Entities…' });
    await ui('fill-quick-input', { text: 'objectinstances', pick: true });
    const page = await waitFor('the storey\'s page', () => {
      const document = vscode.window.activeTextEditor?.document;
      return document?.uri.scheme === 'bimlink' ? JSON.parse(document.getText()) as { storey?: { id: string; name: string } } : undefined;
    });
    assert.equal(page.storey?.name, hostileName);

    const { ids } = await admin<{ ids: { demoVastgoed: string; gebouwBDefinitiefOntwerp: string } }>('GET', '');
    const target = vscode.Uri.file(path.join(mkdtempSync(path.join(tmpdir(), 'bimlink-untrusted-')), 'storey.ndjson'));
    await clearNotifications();
    const count = await vscode.commands.executeCommand<number | undefined>('bimlink.exportEntities',
      { domainAccountId: ids.demoVastgoed, projectPhaseId: ids.gebouwBDefinitiefOntwerp, storey: page.storey }, 'objectinstances', target);
    assert.ok(count && count > 0 && existsSync(target.fsPath), `exported ${count}`);

    const toast = await waitFor('the export\'s notification', async () =>
      (await ui<{ notifications: Toast[] }>('notification-links')).notifications.find(n => n.message.startsWith('Exported ')));
    assert.deepEqual(toast.links, [], `no link in "${toast.message}"`);
    assert.ok(withoutZeroWidthSpaces(toast.message).includes(`(objectinstances of ${hostileName})`), `the name reads as sent: "${toast.message}"`);
    const settingsOpen = vscode.window.tabGroups.all.flatMap(group => group.tabs).some(tab => tab.label === 'Settings');
    assert.equal(settingsOpen, false, 'the command the name links to never ran');
  });
});
