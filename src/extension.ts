// The composition root: builds the extension's objects and registers them with VS Code. No logic lives here.
import * as vscode from 'vscode';
import { BimlinkAuthenticationProvider } from './vscode/auth/bimlinkAuthenticationProvider';
import { UriCallbacks } from './vscode/auth/uriCallbacks';
import { registerCommands } from './vscode/commands/registerCommands';
import { onDidChangeSettings, readSettings } from './vscode/configuration';
import { createLog } from './vscode/log';
import { ExplorerTreeDataProvider } from './vscode/tree/explorerTreeDataProvider';

/** How long the browser has to come back from the sign-in page before VS Code offers to paste the address. */
const signInTimeoutMs = Number(process.env.BIMLINK_SIGN_IN_TIMEOUT_MS) || 5 * 60_000;

export function activate(context: vscode.ExtensionContext): void {
  const log = createLog();
  const uriCallbacks = new UriCallbacks();
  const auth = new BimlinkAuthenticationProvider({
    fetch: (url, init) => globalThis.fetch(url, init),
    secrets: context.secrets,
    settings: readSettings,
    log,
    uriCallbacks,
    extensionId: context.extension.id,
    timeoutMs: signInTimeoutMs,
  });
  const tree = new ExplorerTreeDataProvider(async () => []);
  const updateSignedIn = async () => {
    const signedIn = (await auth.getSessions()).length > 0;
    await vscode.commands.executeCommand('setContext', 'bimlink.signedIn', signedIn);
  };
  context.subscriptions.push(
    log,
    auth,
    vscode.authentication.registerAuthenticationProvider('bimlink', 'BIMlink', auth, { supportsMultipleAccounts: true }),
    vscode.window.registerUriHandler(uriCallbacks),
    auth.onDidChangeSessions(() => void updateSignedIn()),
    onDidChangeSettings(() => auth.useSettings()),
    tree,
    vscode.window.createTreeView('bimlink.explorer', { treeDataProvider: tree, showCollapseAll: true }),
    ...registerCommands({ log, auth, tree }),
  );
  void updateSignedIn();
}

export function deactivate(): void {}
