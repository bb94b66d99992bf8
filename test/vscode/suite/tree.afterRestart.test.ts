// After a restart the explorer remembers the domain account chosen before (tree.test.ts chose De Linde).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { anna } from '../helpers/emulator';
import { accountLabels, signInAs } from '../helpers/signIn';
import { ui, uiDriverUrl } from '../helpers/ui';
import { waitFor } from '../helpers/wait';

suite('Explorer tree after a restart', function () {
  this.timeout(60_000);

  suiteSetup(function () {
    if (!uiDriverUrl) this.skip();
  });

  test('the domain account chosen before the restart is still the selected one', async () => {
    if (!(await accountLabels()).includes(anna.email)) await signInAs(anna);
    await vscode.commands.executeCommand('bimlink.explorer.focus');
    const rows = await waitFor('the selected domain account', async () => {
      const { rows: shown } = await ui<{ rows: { label: string; description: string }[] }>('tree-rows');
      return shown.some(r => r.label === 'Woonstichting De Linde' && r.description === 'selected') ? shown : undefined;
    });
    assert.ok(rows.some(r => r.label === 'Demo Vastgoed BV' && r.description !== 'selected'));
  });
});
