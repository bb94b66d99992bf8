// Security as tests, in the real extension host: the loopback redirect port is open only while a sign-in waits for
// it; workspace settings cannot send requests (or tokens) to another host; and no token the emulator ever issued in
// this run turns up in a log, an open document, a URI, a notification or a file of the VS Code profile.
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import path from 'node:path';
import * as vscode from 'vscode';
import { admin, anna } from '../helpers/emulator';
import { allLogText } from '../helpers/logs';
import { useEmulator } from '../helpers/settings';
import { signInAs } from '../helpers/signIn';
import { clearNotifications, ui, uiDriverUrl } from '../helpers/ui';
import { waitFor } from '../helpers/wait';

const loopbackPort = 33418;

function portIsOpen(port: number): Promise<boolean> {
  return new Promise(resolve => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}
const waitForPort = (open: boolean, timeoutMs = 10_000) =>
  waitFor(`port ${loopbackPort} to be ${open ? 'open' : 'closed'}`, async () => (await portIsOpen(loopbackPort)) === open ? true : undefined, timeoutMs);

/** Every file under `folder`, as text, skipping what is too big to be a settings or state file. */
function filesUnder(folder: string): { file: string; text: string }[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map(name => path.join(folder, name))
    .filter(file => { const stat = statSync(file); return stat.isFile() && stat.size < 20 * 1024 * 1024; })
    .map(file => ({ file, text: readFileSync(file).toString('latin1') }));
}

suite('Security', function () {
  this.timeout(120_000);

  suiteSetup(async function () {
    if (!uiDriverUrl) this.skip();
    await useEmulator({ pageSize: 100 });
    await clearNotifications();
  });

  teardown(async () => {
    await ui('close-other-pages');
    await clearNotifications();
  });

  test('the loopback port is open only while a sign-in waits: closed after success, cancel and timeout', async () => {
    assert.equal(await portIsOpen(loopbackPort), false, 'nothing listens before a sign-in');
    await signInAs(anna);
    await waitForPort(false);

    const cancelled = Promise.resolve(vscode.commands.executeCommand('bimlink.signIn')).catch(error => error);
    await waitForPort(true);
    await ui('click-notification-button', { label: 'Cancel', message: 'Signing in to BIMlink' });
    await cancelled;
    await waitForPort(false);

    // The runner gives the browser 20 s (BIMLINK_SIGN_IN_TIMEOUT_MS) to come back; it never does.
    const timedOut = Promise.resolve(vscode.commands.executeCommand('bimlink.signIn')).catch(error => error);
    await waitForPort(true);
    await waitFor('the sign-in to time out', async () => {
      const { messages } = await ui<{ messages: string[] }>('notifications');
      return messages.some(m => m.includes('did not come back to VS Code in time')) ? true : undefined;
    }, 40_000);
    assert.equal(await portIsOpen(loopbackPort), false, 'the port closed when the sign-in timed out');
    await clearNotifications(); // dismissing the offer to paste ends the sign-in
    await timedOut;
  });

  test('workspace settings cannot point the extension, or its token, at another host', async () => {
    const seen: { url?: string; authorization?: string }[] = [];
    const elsewhere = createServer((request: IncomingMessage, response) => {
      seen.push({ url: request.url, authorization: request.headers.authorization });
      response.writeHead(200, { 'content-type': 'application/json' }).end('[]');
    });
    await new Promise<void>(resolve => elsewhere.listen(0, '127.0.0.1', resolve));
    const hostile = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}`;
    const folder = vscode.workspace.workspaceFolders![0]!.uri.fsPath;
    const settingsFile = path.join(folder, '.vscode', 'settings.json');
    mkdirSync(path.dirname(settingsFile), { recursive: true });
    try {
      writeFileSync(settingsFile, JSON.stringify({
        'bimlink.environment': 'custom', 'bimlink.apiUrl': hostile, 'bimlink.authority': hostile,
        'bimlink.clientId': 'someone-else', 'bimlink.redirectUri': 'http://127.0.0.1:1/elsewhere',
        'bimlink.collections': { objectinstances: 'elsewhere' }, // application scope too: a repository cannot rename collections
        'bimlink.pageSize': 37, // a setting a workspace may change: shows the file was read
      }));
      await waitFor('VS Code to read the workspace settings', () =>
        vscode.workspace.getConfiguration('bimlink').inspect('pageSize')?.workspaceValue === 37 ? true : undefined);

      // Everything that talks to BIMlink: the explorer, an entity page, and a new sign-in.
      await vscode.commands.executeCommand('bimlink.refresh');
      const { ids } = await admin<{ ids: { demoVastgoed: string; gebouwBDefinitiefOntwerp: string } }>('GET', '');
      const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('bimlink.openEntities',
        { domainAccountId: ids.demoVastgoed, projectPhaseId: ids.gebouwBDefinitiefOntwerp }, 'objectinstances');
      const page = JSON.parse(editor!.document.getText()) as { page: { limit: number }; items: unknown[] };
      assert.equal(page.page.limit, 37, 'the workspace\'s page size applies');
      assert.equal(page.items.length, 37, 'the page came from the user\'s own server');
      await signInAs(anna); // lands on the emulator's login page and 127.0.0.1:33418, as the user settings say
      assert.deepEqual(seen, [], 'nothing went to the host the workspace named');
    } finally {
      rmSync(path.dirname(settingsFile), { recursive: true, force: true });
      await new Promise(resolve => elsewhere.close(resolve));
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  test('no token reaches a log, a document, a URI, a notification or a file of the profile', async () => {
    const { tokens } = await admin<{ tokens: string[] }>('GET', '/issued-tokens');
    assert.ok(tokens.length >= 2, `the emulator issued tokens in this run (${tokens.length})`);
    const profile = path.dirname(process.env.BIMLINK_TEST_LOGS_DIR!);
    const places: { where: string; text: string }[] = [
      { where: 'the logs', text: allLogText() },
      ...vscode.workspace.textDocuments.map(document => ({ where: `document ${document.uri.toString()}`, text: `${document.uri.toString()}\n${document.getText()}` })),
      ...vscode.window.tabGroups.all.flatMap(group => group.tabs).map(tab => ({ where: `tab ${tab.label}`, text: String((tab.input as { uri?: vscode.Uri })?.uri ?? '') })),
      { where: 'the notifications', text: (await ui<{ messages: string[] }>('notification-history')).messages.join('\n') },
      ...filesUnder(path.join(profile, 'User')).map(({ file, text }) => ({ where: file, text })),
      ...filesUnder(path.join(vscode.workspace.workspaceFolders![0]!.uri.fsPath, '.vscode')).map(({ file, text }) => ({ where: file, text })),
    ];
    const history = (await ui<{ messages: string[] }>('notification-history')).messages;
    assert.ok(history.some(m => m.includes('did not come back to VS Code in time')), `the notification history is recorded: ${history.join(' | ')}`);
    const leaks = places.flatMap(({ where, text }) => tokens.filter(token => text.includes(token)).map(token => `${where}: …${token.slice(-6)}`));
    assert.deepEqual(leaks, []);
  });
});
