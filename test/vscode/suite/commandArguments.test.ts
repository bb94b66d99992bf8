// Commands keep their dialogs, in the real workbench. A command link's arguments are JSON, so Export Entities writes
// without its save dialog only to a new export file named by a real vscode.Uri; an existing file is replaced only
// through the save dialog (and its own overwrite confirmation); a source of the wrong shape makes the command ask for
// the phase, as from the palette.
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { admin } from '../helpers/emulator';
import { startAsAnna } from '../helpers/tree';
import { clearNotifications, ui, uiDriverUrl } from '../helpers/ui';
import { waitFor } from '../helpers/wait';

interface QuickInput { title: string; value: string }

/** Demo Vastgoed BV's phase "Groot model", as a script names a source. */
async function grootModel(): Promise<{ domainAccountId: string; projectPhaseId: string }> {
  const { ids } = await admin<{ ids: { demoVastgoed: string; grootModel: string } }>('GET', '');
  return { domainAccountId: ids.demoVastgoed, projectPhaseId: ids.grootModel };
}

/** Runs Export Entities with these arguments, expects the save dialog, cancels it, and returns what the dialog showed. */
async function exportCancellingTheDialog(...args: unknown[]): Promise<QuickInput> {
  const exporting = Promise.resolve(vscode.commands.executeCommand<number | undefined>('bimlink.exportEntities', ...args));
  // the save dialog shows its folder first and fills in the suggested file a moment later
  const dialog = await waitFor('the save dialog with its suggested file', async () => {
    const shown = await ui<QuickInput>('quick-input');
    return /[^/\\]$/.test(shown.value) ? shown : undefined;
  });
  await ui('close-quick-input');
  assert.equal(await exporting, undefined, 'nothing was exported');
  return dialog;
}

suite('Command arguments', function () {
  this.timeout(120_000);
  let folder: string;

  suiteSetup(async function () {
    if (!uiDriverUrl) this.skip();
    await startAsAnna();
  });

  setup(() => { folder = mkdtempSync(path.join(tmpdir(), 'bimlink-arguments-')); });

  teardown(async () => {
    await clearNotifications();
  });

  test('a target given as plain JSON (as a command link passes it) does not skip the save dialog', async () => {
    const wanted = path.join(folder, 'from-a-link.ndjson');
    for (const target of [{ scheme: 'file', path: wanted }, { scheme: 'file', authority: '', path: wanted, fsPath: wanted, query: '', fragment: '' }, wanted]) {
      const dialog = await exportCancellingTheDialog(await grootModel(), 'materials', target);
      assert.match(dialog.title, /^Export materials/, `the save dialog for ${JSON.stringify(target)}`);
      assert.doesNotMatch(dialog.value, /from-a-link/, 'the JSON target is not even the suggestion');
    }
    assert.deepEqual(readdirSync(folder), [], 'nothing was written');
  });

  test('an existing file given as a real Uri is replaced only through the save dialog', async () => {
    const existing = path.join(folder, 'existing.ndjson');
    writeFileSync(existing, 'keep me\n');
    const dialog = await exportCancellingTheDialog(await grootModel(), 'materials', vscode.Uri.file(existing));
    assert.match(dialog.title, /^Export materials/);
    assert.ok(dialog.value.endsWith('existing.ndjson'), `the dialog suggests the given file: ${dialog.value}`);
    assert.equal(readFileSync(existing, 'utf8'), 'keep me\n', 'the file is as it was');
  });

  test('a new file that is not an export file (.ndjson, .jsonl, .json) goes through the save dialog too', async () => {
    const profile = path.join(folder, '.profile');
    const dialog = await exportCancellingTheDialog(await grootModel(), 'materials', vscode.Uri.file(profile));
    assert.match(dialog.title, /^Export materials/);
    assert.equal(existsSync(profile), false);
  });

  test('a new export file given as a real Uri is written without a dialog, as scripts do', async () => {
    const target = vscode.Uri.file(path.join(folder, 'scripted.json'));
    const count = await vscode.commands.executeCommand<number | undefined>('bimlink.exportEntities', await grootModel(), 'materials', target);
    assert.ok(count && count > 0);
    assert.equal((JSON.parse(readFileSync(target.fsPath, 'utf8')) as unknown[]).length, count);
  });

  test('a source or collection of the wrong shape is ignored: the command asks, as from the palette', async () => {
    const { domainAccountId } = await grootModel();
    for (const source of [{ domainAccountId, projectPhaseId: '' }, { domainAccountId, projectPhaseId: ['x'] }, { domainAccountId, projectPhaseId: 'x', storey: 'st' }]) {
      const opening = Promise.resolve(vscode.commands.executeCommand('bimlink.openEntities', source, 'materials'));
      const asked = await ui<QuickInput>('quick-input');
      assert.match(asked.title, /domain accounts|project phases/i, `asks for the phase instead of using ${JSON.stringify(source)}`);
      await ui('close-quick-input');
      assert.equal(await opening, undefined);
    }
    const opening = Promise.resolve(vscode.commands.executeCommand('bimlink.openEntities', await grootModel(), '../materials'));
    const asked = await ui<QuickInput>('quick-input');
    assert.match(asked.title, /^Choose the collection to open/, 'asks for the collection instead of using "../materials"');
    await ui('close-quick-input');
    assert.equal(await opening, undefined);
  });

  test('the explorer\'s row commands take only a row: JSON that looks like one is ignored', async () => {
    await vscode.env.clipboard.writeText('before');
    await vscode.commands.executeCommand('bimlink.copyId', { id: 'row', dataId: 'injected', treeItem: 'not a function' });
    assert.equal(await vscode.env.clipboard.readText(), 'before');
    await vscode.commands.executeCommand('bimlink.filter', { id: 'row' }); // no filter box for a row that is not there
    await vscode.commands.executeCommand('bimlink.clearFilter', { id: 'row' });
  });
});
