// The BIMlink explorer in a real extension host, against the emulator, looked at and clicked in the real workbench.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { admin, anna, apiRequestCount, setFaults } from '../helpers/emulator';
import { useEmulator } from '../helpers/settings';
import { afterRestart } from '../helpers/restart';
import { accountLabels, signInAs, signInAtRest } from '../helpers/signIn';
import { expand, row, rows, startAsAnna, waitForRow } from '../helpers/tree';
import { clearNotifications, ui, uiDriverUrl } from '../helpers/ui';
import { waitFor } from '../helpers/wait';

const click = (label: string, nth = 0) => ui('tree-click', { label, nth });

suite('Explorer tree', function () {
  this.timeout(90_000);

  suiteSetup(async function () {
    if (!uiDriverUrl) this.skip();
    await startAsAnna();
  });

  teardown(clearNotifications);

  suiteTeardown(async () => {
    await setFaults({ errorRate: 0 });
    await useEmulator({ pageSize: 100 });
  });

  test('shows every level: domain accounts, locations, projects, phases and the spatial structure with storeys', async () => {
    let shown = await waitForRow('Demo Vastgoed BV');
    assert.ok(shown.some(r => r.label === 'Woonstichting De Linde' && r.level === 1));
    shown = await expand('Demo Vastgoed BV', 'Campus Noord, Utrecht', 'Nieuwbouw Gebouw B');
    assert.equal(shown.find(r => r.label === 'Campus Noord, Utrecht')?.description, 'Utrecht');
    const phases = shown.filter(r => r.level === 4).map(r => `${r.label} ${r.description}`);
    assert.deepEqual(phases.slice(0, 5), ['Schetsontwerp SO', 'Voorlopig ontwerp VO', 'Definitief ontwerp DO', 'Uitvoering UITV', 'Beheer BEH']);
    shown = await expand('Schetsontwerp', 'Kavel B', 'Gebouw B', 'Hoofdgebouw');
    const storeys = shown.filter(r => r.level === 8).map(r => `${r.label} ${r.description}`);
    assert.deepEqual(storeys.slice(0, 3), ['-01 Kelder -3.20 m', '00 Begane grond 0.00 m', '01 Eerste verdieping 3.60 m']);
  });

  test('expanding a loaded node again costs no request; locations, projects and phases come with one', async () => {
    const before = await apiRequestCount();
    await click('Nieuwbouw Gebouw B'); // collapse
    await click('Nieuwbouw Gebouw B'); // and expand: from the cache
    await click('Renovatie Gebouw A'); // its phases came with the locations
    await waitForRow('Definitief ontwerp');
    assert.equal(await apiRequestCount(), before);
  });

  /** Waits until the whole tree has reloaded and come back as it was expanded. */
  async function wholeTreeReloaded(before: number): Promise<void> {
    // domain accounts, then the expanded domain account's locations and the expanded phase's spatial structure: a
    // subtree's refresh asks for two at most
    await waitFor('the reload', async () => (await apiRequestCount()) >= before + 3 ? true : undefined);
    await waitFor('the tree to come back expanded', async () => (await row('00 Begane grond')) ? true : undefined);
    assert.equal((await row('Hoofdgebouw'))?.expanded, true);
  }

  test('Refresh from the palette reloads the whole tree and keeps what was expanded', async () => {
    const before = await apiRequestCount();
    await vscode.commands.executeCommand('bimlink.refresh');
    await wholeTreeReloaded(before);
  });

  test('Refresh in the view\'s title bar reloads the whole tree, though VS Code hands it the focused row', async () => {
    await click('00 Begane grond'); // a storey, which opens nothing: a row has the focus, as when the user clicks the title bar
    const before = await apiRequestCount();
    // What VS Code passes a title-bar command: the focused tree element (the extension's node; one shaped like it here).
    const focused = { id: 'focused-row', parent: undefined, reset: () => undefined };
    await vscode.commands.executeCommand('bimlink.refresh', focused);
    await wholeTreeReloaded(before);
  });

  test('a node\'s own Refresh (context menu) reloads only its subtree and keeps what was expanded', async () => {
    const before = await apiRequestCount();
    await ui('tree-context-menu', { label: 'Schetsontwerp', item: 'Refresh' });
    await waitFor('the phase\'s reload', async () => (await apiRequestCount()) > before ? true : undefined);
    await waitFor('the phase to come back expanded', async () => (await row('00 Begane grond')) ? true : undefined);
    // A whole-tree reload asks for the domain accounts and locations before it can ask for a phase's structure: with
    // the structure back, those requests would already be counted.
    assert.equal(await apiRequestCount(), before + 1, 'one request: the phase\'s spatial structure');
    assert.equal((await row('Hoofdgebouw'))?.expanded, true);
  });

  test('a failed load shows the error with Retry, and Retry loads it', async () => {
    await setFaults({ errorRate: 1 });
    try {
      await vscode.commands.executeCommand('bimlink.refresh');
      const shown = await waitFor('the error node', async () => (await rows()).find(r => /5\d\d|server/i.test(r.label)) ? rows() : undefined, 20_000);
      assert.ok(shown.every(r => r.label !== 'Demo Vastgoed BV'));
    } finally {
      await setFaults({ errorRate: 0 });
    }
    const error = (await rows()).find(r => /5\d\d|server/i.test(r.label))!;
    await click(error.label);
    await waitForRow('Demo Vastgoed BV');
  });

  test('a paginated level ends in "Load more…", which adds the next page without duplicates', async () => {
    await useEmulator({ pageSize: 4 });
    await expand('Demo Vastgoed BV', 'Campus Noord, Utrecht', 'Nieuwbouw Gebouw B', 'Voorlopig ontwerp');
    let shown = await waitForRow('Load more…');
    assert.match(shown.find(r => r.label === 'Load more…')!.description, /^4 of 11$/);
    await click('Load more…');
    await waitFor('the second page', async () => (await row('Load more…'))?.description === '8 of 11' ? true : undefined);
    await click('Load more…');
    await waitFor('the last page', async () => (await row('Load more…')) ? undefined : true);
    shown = await rows();
    const labels = shown.map(r => `${r.level}:${r.label}`);
    assert.equal(new Set(labels).size, labels.length, `no duplicates: ${labels.join(', ')}`);
  });

  test('Select Project Phase reveals the chosen phase in the tree', async () => {
    await useEmulator({ pageSize: 100 });
    await waitForRow('Demo Vastgoed BV');
    const selecting = vscode.commands.executeCommand('bimlink.selectDomainAccount');
    await ui('fill-quick-input', { text: 'Demo Vastgoed BV', pick: true });
    await selecting;
    await vscode.commands.executeCommand('workbench.actions.treeView.bimlink.explorer.collapseAll');
    const choosing = vscode.commands.executeCommand('bimlink.selectProjectPhase');
    await ui('fill-quick-input', { text: 'Beheer', pick: true });
    await choosing;
    const shown = await waitFor('the revealed phase', async () => {
      const found = await rows();
      return found.some(r => r.label === 'Beheer' && r.selected) ? found : undefined;
    });
    assert.ok(shown.some(r => r.label === 'Nieuwbouw Gebouw B' && r.expanded), 'the path to it is expanded');
    assert.equal(shown.find(r => r.label === 'Demo Vastgoed BV')?.description, 'selected');
  });
  test('Select Domain Account remembers the choice, marks it and shows it in the status bar', async () => {
    const choosing = vscode.commands.executeCommand('bimlink.selectDomainAccount');
    await ui('fill-quick-input', { text: 'Woonstichting De Linde', pick: true });
    await choosing;
    await waitFor('the selection', async () => (await row('Woonstichting De Linde'))?.description === 'selected' ? true : undefined);
    assert.notEqual((await row('Demo Vastgoed BV'))?.description, 'selected');
    const status = await ui<{ texts: string[] }>('status-bar');
    assert.ok(status.texts.some(t => t.includes('Woonstichting De Linde')), status.texts.join(' | '));
  });

  test('Copy ID copies the BIMlink id of a node, from its context menu', async () => {
    await vscode.env.clipboard.writeText('');
    await ui('tree-context-menu', { label: 'Demo Vastgoed BV', item: 'Copy ID' });
    const copied = await waitFor('the clipboard', async () => (await vscode.env.clipboard.readText()) || undefined);
    assert.match(copied, /^[0-9a-f-]{36}$/i);
  });

  test('a level can be filtered by name, and the filter cleared', async () => {
    await expand('Demo Vastgoed BV');
    await waitForRow('Zorgpark Oost, Amersfoort');
    const filtering = ui('tree-context-menu', { label: 'Demo Vastgoed BV', item: 'Filter by Name…' });
    await filtering;
    await ui('fill-quick-input', { text: 'zorg' });
    await waitFor('the filtered level', async () => (await row('Campus Noord, Utrecht')) ? undefined : true);
    assert.ok(await row('Zorgpark Oost, Amersfoort'));
    assert.match((await row('Demo Vastgoed BV'))!.description, /filter: zorg/);
    await ui('tree-context-menu', { label: 'Demo Vastgoed BV', item: 'Clear Filter' });
    await waitForRow('Campus Noord, Utrecht');
  });

  test('a token renewal does not reload the tree', async () => {
    await setFaults({ accessTokenLifetimeSeconds: 2 }); // renewal is due after 1.3 s
    let renewed = false;
    const listener = vscode.authentication.onDidChangeSessions(e => { if (e.provider.id === 'bimlink') renewed = true; });
    try {
      await signInAs(anna); // the same account again: new tokens, same tree
      const tokenRequests = async () => (await admin<{ requests: { token: number } }>('GET', '/stats')).requests.token;
      const [apiBefore, tokensBefore] = [await apiRequestCount(), await tokenRequests()];
      renewed = false;
      await waitFor('a renewal', async () => (await tokenRequests()) > tokensBefore ? true : undefined, 5_000);
      await waitFor('the renewed session to be announced', () => renewed || undefined, 3_000);
      // A reload would start on that announcement; nothing announces that none started, so allow it a moment.
      await new Promise(resolve => setTimeout(resolve, 500));
      assert.equal(await apiRequestCount(), apiBefore, 'no API request: the tree kept what it had');
      assert.ok(await row('Demo Vastgoed BV'));
    } finally {
      listener.dispose();
      await setFaults({ accessTokenLifetimeSeconds: 3600 });
    }
  });
});

/** Chooses a domain account with the palette command. */
async function selectDomainAccount(label: string): Promise<void> {
  const choosing = vscode.commands.executeCommand('bimlink.selectDomainAccount');
  await ui('fill-quick-input', { text: label, pick: true });
  await choosing;
}

afterRestart('Explorer tree', async () => {
  await signInAtRest(anna);
  await selectDomainAccount('Woonstichting De Linde');
}, function () {
  this.timeout(60_000);

  suiteSetup(function () {
    if (!uiDriverUrl) this.skip();
  });

  test('the domain account chosen before the restart is still the selected one', async () => {
    if (!(await accountLabels()).includes(anna.email)) await signInAs(anna);
    await vscode.commands.executeCommand('bimlink.explorer.focus');
    const shown = await waitFor('the selected domain account', async () => {
      const found = await rows();
      return found.some(r => r.label === 'Woonstichting De Linde' && r.description === 'selected') ? found : undefined;
    });
    assert.ok(shown.some(r => r.label === 'Demo Vastgoed BV' && r.description !== 'selected'));
  });
});
