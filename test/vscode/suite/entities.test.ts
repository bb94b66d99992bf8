// Entity documents in a real extension host: opened from the tree and the palette, paged, cancelled, retried,
// exported — against the emulator, looked at in the real workbench.
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { admin, anna, apiRequestCount, emulatorDialect, setFaults, spelling } from '../helpers/emulator';
import { afterRestart } from '../helpers/restart';
import { accountLabels, signInAs, signInAtRest } from '../helpers/signIn';
import { expand, freshExplorer, startAsAnna } from '../helpers/tree';
import { clearNotifications, ui, uiDriverUrl } from '../helpers/ui';
import { waitFor } from '../helpers/wait';

type Entity = Record<string, unknown>;
interface PageDocument { collection: string; storey?: { id: string; name: string }; page: { offset: number; limit: number; count: number; total: number | null }; items: Entity[] }

/** A field of an entity as the emulator's dialect spells it (`id` or `Id` …). */
const field = (entity: Entity, name: string): string => String(entity[spelling().key(name)]);

const activeDocument = () => vscode.window.activeTextEditor?.document;
const title = (uri: vscode.Uri) => uri.path.split('/').pop()!; // as the tab shows it

/** Waits for a bimlink document other than `previous` to become the active editor, and parses it. */
async function nextDocument(previous?: vscode.Uri): Promise<{ uri: vscode.Uri; json: PageDocument }> {
  const document = await waitFor('the entity document', () => {
    const doc = activeDocument();
    return doc?.uri.scheme === 'bimlink' && doc.uri.toString() !== previous?.toString() ? doc : undefined;
  });
  return { uri: document.uri, json: JSON.parse(document.getText()) as PageDocument };
}

/** Demo Vastgoed BV's phase "Groot model" (100,000 object instances), as a script names a source. */
async function grootModel(): Promise<{ domainAccountId: string; projectPhaseId: string }> {
  const { ids } = await admin<{ ids: { demoVastgoed: string; grootModel: string } }>('GET', '');
  return { domainAccountId: ids.demoVastgoed, projectPhaseId: ids.grootModel };
}

/** Runs a palette command that first asks for a phase: picks Demo Vastgoed BV's "Groot model". */
async function pickGrootModel(): Promise<void> {
  await ui('fill-quick-input', { text: 'Groot model', pick: true });
}

suite('Entity documents', function () {
  this.timeout(120_000);

  suiteSetup(async function () {
    if (!uiDriverUrl) this.skip();
    await startAsAnna();
    // The palette commands ask for a phase of the selected domain account: make that Demo Vastgoed BV.
    const selecting = vscode.commands.executeCommand('bimlink.selectDomainAccount');
    await ui('fill-quick-input', { text: 'Demo Vastgoed BV', pick: true });
    await selecting;
  });

  teardown(async () => {
    await clearNotifications();
    await setFaults({ latencyMs: 0, errorRate: 0 });
  });

  test('opens a storey\'s object instances from the tree as a read-only JSON page with a telling title', async () => {
    await expand('Demo Vastgoed BV', 'Campus Noord, Utrecht', 'Nieuwbouw Gebouw B', 'Definitief ontwerp', 'Kavel B', 'Gebouw B', 'Hoofdgebouw');
    await ui('tree-context-menu', { label: '00 Begane grond', item: 'Open Entities…' });
    await ui('fill-quick-input', { text: 'objectinstances', pick: true });
    const { uri, json } = await nextDocument();
    assert.equal(json.collection, 'objectinstances');
    assert.equal(json.storey?.name, '00 Begane grond');
    assert.equal(json.items.length, 100);
    assert.ok(json.items.every(item => field(item, 'spatialStructureElementId') === json.storey!.id), 'only the storey\'s entities');
    assert.equal(title(uri), `objectinstances · 00 Begane grond · 1–100 of ${json.page.total!.toLocaleString('en')}.json`);
    assert.equal(Object.keys(json.items[0]!)[0], spelling().key('id'), 'each entity as the server sent it');
    assert.equal(activeDocument()!.languageId, 'json');
    await assert.rejects(Promise.resolve(vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('{}'))), /read-only/);
  });

  test('pages forward and back, without duplicates between pages', async () => {
    const first = await nextDocument(undefined);
    await vscode.commands.executeCommand('bimlink.nextPage');
    const second = await nextDocument(first.uri);
    assert.equal(second.json.page.offset, 100);
    assert.match(title(second.uri), /· 101–200 of /);
    const firstIds = new Set(first.json.items.map(i => field(i, 'id')));
    assert.ok(second.json.items.every(i => !firstIds.has(field(i, 'id'))));
    await vscode.commands.executeCommand('bimlink.previousPage');
    const back = await nextDocument(second.uri);
    assert.equal(back.json.page.offset, 0);
    assert.deepEqual(back.json.items.map(i => field(i, 'id')), first.json.items.map(i => field(i, 'id')));
  });

  test('pages to the end: every title keeps the total, and Next Page on the last page says so instead of opening an empty page', async () => {
    let current = await nextDocument(undefined);
    const total = current.json.page.total!;
    assert.ok(total > 100, `a storey of several pages (${total})`);
    while (current.json.page.offset + current.json.page.limit < total) {
      await vscode.commands.executeCommand('bimlink.nextPage');
      current = await nextDocument(current.uri);
      assert.match(title(current.uri), new RegExp(` of ${total.toLocaleString('en')}\\.json$`), 'the total learned on page 1 stays');
    }
    assert.equal(current.json.page.offset + current.json.items.length, total);
    await clearNotifications();
    await vscode.commands.executeCommand('bimlink.nextPage');
    await waitFor('the last-page message', async () => (await ui<{ messages: string[] }>('notifications')).messages.includes('This is the last page.') || undefined);
    assert.equal(activeDocument()?.uri.toString(), current.uri.toString(), 'no empty page was opened');
    while (current.json.page.offset > 0) { // back to the first page, for the tests that follow
      await vscode.commands.executeCommand('bimlink.previousPage');
      current = await nextDocument(current.uri);
    }
  });

  test('opens one entity by id from the palette', async () => {
    const wanted = field((await nextDocument(undefined)).json.items[3]!, 'id');
    const opening = vscode.commands.executeCommand('bimlink.openEntity', undefined, 'objectinstances', wanted);
    await ui('fill-quick-input', { text: 'Definitief ontwerp', pick: true }); // the phase the page came from
    await opening;
    const document = await waitFor('the entity', () => activeDocument()?.getText().includes(wanted) && title(activeDocument()!.uri).includes(wanted) ? activeDocument() : undefined);
    assert.ok(JSON.parse(document.getText()).entity);
  });

  test('cancelling the load opens nothing and stops the request', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await setFaults({ latencyMs: 8_000 });
    const opening = vscode.commands.executeCommand('bimlink.openEntities', undefined, 'materials');
    await pickGrootModel();
    await ui('click-notification-button', { label: 'Cancel', message: 'Loading materials' });
    assert.equal(await opening, undefined);
    assert.equal(activeDocument(), undefined, 'no editor was opened');
  });

  test('a failed load says why and offers Retry, which opens the page', async () => {
    await setFaults({ errorRate: 1 });
    const opening = vscode.commands.executeCommand('bimlink.openEntities', undefined, 'materials');
    await pickGrootModel();
    await opening;
    const { messages } = await waitFor('the error', async () => {
      const shown = await ui<{ messages: string[] }>('notifications');
      return shown.messages.some(m => m.startsWith('Loading materials failed')) ? shown : undefined;
    }, 30_000);
    assert.ok(messages.some(m => /5\d\d|server/i.test(m)), messages.join(' | '));
    await setFaults({ errorRate: 0 });
    await ui('click-notification-button', { label: 'Retry', message: 'Loading materials failed' });
    const { json } = await nextDocument();
    assert.equal(json.collection, 'materials');
  });

  test('exports a large collection page by page: every entity exactly once, as NDJSON', async function () {
    this.timeout(180_000);
    const folder = mkdtempSync(path.join(tmpdir(), 'bimlink-export-'));
    const target = vscode.Uri.file(path.join(folder, 'groot-model.ndjson'));
    const before = await apiRequestCount();
    const count = await vscode.commands.executeCommand<number | undefined>('bimlink.exportEntities', await grootModel(), 'objectinstances', target);
    const lines = readFileSync(target.fsPath, 'utf8').split('\n').filter(Boolean);
    const ids = lines.map(line => field(JSON.parse(line) as Entity, 'id'));
    assert.equal(count, 100_000);
    assert.equal(ids.length, 100_000);
    assert.equal(new Set(ids).size, 100_000, 'every entity exactly once');
    assert.ok((await apiRequestCount()) - before >= 100, 'read page by page');
    assert.deepEqual(readdirSync(folder), ['groot-model.ndjson'], 'no temporary file is left');
  });

  test('exports as a JSON array when the file ends in .json', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'bimlink-export-'));
    const target = vscode.Uri.file(path.join(folder, 'materials.json'));
    const count = await vscode.commands.executeCommand<number | undefined>('bimlink.exportEntities', await grootModel(), 'materials', target);
    const items = JSON.parse(readFileSync(target.fsPath, 'utf8')) as Entity[];
    assert.equal(items.length, count);
    assert.ok(items.length > 0);
  });

  test('exports as CSV when the file ends in .csv: a BOM, the server\'s keys as the header, one row per entity', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'bimlink-export-'));
    const target = vscode.Uri.file(path.join(folder, 'materials.csv'));
    const count = await vscode.commands.executeCommand<number | undefined>('bimlink.exportEntities', await grootModel(), 'materials', target);
    const text = readFileSync(target.fsPath, 'utf8');
    assert.ok(text.startsWith('\uFEFF'), 'a byte order mark for Excel');
    const [header, ...rows] = text.slice(1).split('\r\n').filter(Boolean); // the demo's materials hold no line breaks
    assert.equal(header!.split(',')[0], spelling().key('id'), 'the server\'s own spelling of its keys');
    assert.equal(rows.length, count);
    assert.ok(rows.length > 0);
    assert.deepEqual(readdirSync(folder), ['materials.csv'], 'no temporary file is left');
  });

  test('a collection this server does not have: the message says what was asked and offers another collection, not a refresh', async () => {
    await clearNotifications();
    await vscode.commands.executeCommand('bimlink.openEntities', await grootModel(), 'clashes');
    const { messages } = await waitFor('the error', async () => {
      const shown = await ui<{ messages: string[] }>('notifications');
      return shown.messages.some(m => m.startsWith('Loading clashes failed')) ? shown : undefined;
    });
    const message = messages.find(m => m.startsWith('Loading clashes failed'))!;
    assert.match(message, /has no collection "clashes" for this project phase: GET \/domainaccounts\/.+\/clashes answered 404 Not Found/);
    assert.doesNotMatch(message, /refresh/i);
    const choosing = ui('click-notification-button', { label: 'Choose Another Collection', message: 'Loading clashes failed' });
    await choosing;
    await ui('fill-quick-input', { text: 'materials', pick: true });
    const { json } = await nextDocument();
    assert.equal(json.collection, 'materials');
  });

  test('Check Server opens a report of what the server answered, in its own dialect', async () => {
    await vscode.commands.executeCommand('bimlink.checkServer');
    const report = await waitFor('the report', () => {
      const doc = activeDocument();
      return doc?.languageId === 'markdown' && doc.getText().startsWith('# BIMlink server check') ? doc.getText() : undefined;
    }, 60_000);
    assert.match(report, /\| `Domain accounts` \| ok \| `200` \|/);
    assert.match(report, /\| `Collection objectinstances` \| ok \| `200` \|/);
    if (emulatorDialect() === 'aspnet') {
      assert.match(report, /names tried: objectinstances → 404, objects → 200/);
      assert.match(report, /phases ← ProjectPhases/);
      assert.match(report, /asked 1000, received 250; Pagination-Limit: 250/);
    } else {
      assert.match(report, /source: openapi/);
      assert.match(report, /phases ← phases/);
    }
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('a cancelled export leaves no file at the chosen path', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'bimlink-export-'));
    const target = vscode.Uri.file(path.join(folder, 'cancelled.ndjson'));
    await setFaults({ latencyMs: 300 });
    const exporting = vscode.commands.executeCommand<number | undefined>('bimlink.exportEntities', await grootModel(), 'objectinstances', target);
    await waitFor('the export to be a few pages in', async () => {
      const { messages } = await ui<{ messages: string[] }>('notification-history');
      return messages.some(m => /^Exporting objectinstances: [1-9][\d,]* of /.test(m)) ? true : undefined;
    });
    await vscode.commands.executeCommand('notifications.showList');
    await ui('click-notification-button', { label: 'Cancel', message: 'Exporting objectinstances' });
    await vscode.commands.executeCommand('notifications.hideList');
    assert.equal(await exporting, undefined);
    assert.equal(existsSync(target.fsPath), false);
    assert.deepEqual(readdirSync(folder), [], 'no partial file either');
  });

  test('a storey named "A · B" (the titles\' separator) pages with its name and total, which the address carries, not the title', async () => {
    await setFaults({ separatedNames: true });
    try {
      await freshExplorer(); // the tree learns the storeys' names again
      await expand('Demo Vastgoed BV', 'Campus Noord, Utrecht', 'Nieuwbouw Gebouw B', 'Definitief ontwerp', 'Kavel B', 'Gebouw B', 'Hoofdgebouw');
      await ui('tree-context-menu', { label: '00 · Begane grond', item: 'Open Entities…' });
      await ui('fill-quick-input', { text: 'objectinstances', pick: true });
      const first = await waitFor('the storey\'s first page', async () => {
        const shown = await nextDocument();
        return shown.json.storey?.name === '00 · Begane grond' ? shown : undefined;
      });
      const total = first.json.page.total!;
      await vscode.commands.executeCommand('bimlink.nextPage');
      const second = await nextDocument(first.uri);
      assert.equal(second.json.page.offset, 100);
      assert.deepEqual(second.json.storey, first.json.storey);
      assert.equal(title(second.uri), `objectinstances · 00 · Begane grond · 101–200 of ${total.toLocaleString('en')}.json`);
      await vscode.commands.executeCommand('bimlink.previousPage');
      const back = await nextDocument(second.uri);
      assert.equal(back.json.page.offset, 0);
      assert.equal(title(back.uri), title(first.uri));
    } finally {
      await setFaults({ separatedNames: false });
      await freshExplorer();
    }
  });
});

/** Where the window after the restart finds the page left open, should the workbench not restore the tab itself. */
const openBeforeRestart = () => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'open-before-restart.txt');

afterRestart('Entity documents', async () => {
  await signInAtRest(anna);
  const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('bimlink.openEntities', await grootModel(), 'spaces');
  assert.ok(editor, `the page opened (notifications: ${(await ui<{ messages: string[] }>('notifications')).messages.join(' | ')})`);
  assert.equal((JSON.parse(editor.document.getText()) as PageDocument).collection, 'spaces');
  await vscode.commands.executeCommand('workbench.action.keepEditor'); // pinned, as a user's open tab would be
  await vscode.workspace.fs.writeFile(openBeforeRestart(), new TextEncoder().encode(editor.document.uri.toString()));
}, function () {
  this.timeout(60_000);

  suiteSetup(function () {
    if (!uiDriverUrl) this.skip();
  });

  test('the page that was open loads again from its address alone, as a restored tab does', async () => {
    if (!(await accountLabels()).includes(anna.email)) await signInAs(anna);
    const uri = vscode.Uri.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(openBeforeRestart())));
    assert.equal(uri.scheme, 'bimlink');
    // Nothing of the first window is in memory now: the file system provider must load the page itself.
    const document = await waitFor('the page', async () => vscode.workspace.openTextDocument(uri));
    const json = JSON.parse(document.getText()) as PageDocument;
    assert.equal(json.collection, 'spaces');
    assert.ok(json.items.length > 0);
  });
});
