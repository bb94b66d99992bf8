// The composition root: builds the extension's objects and registers them with VS Code. No logic lives here.
import * as vscode from 'vscode';
import { BimlinkAuthenticationProvider } from './vscode/auth/bimlinkAuthenticationProvider';
import { registerCommands } from './vscode/commands/registerCommands';
import { createLog } from './vscode/log';
import { ExplorerTreeDataProvider } from './vscode/tree/explorerTreeDataProvider';

export function activate(context: vscode.ExtensionContext): void {
  const log = createLog();
  const auth = new BimlinkAuthenticationProvider(log);
  const tree = new ExplorerTreeDataProvider(async () => []);
  context.subscriptions.push(
    log,
    auth,
    vscode.authentication.registerAuthenticationProvider('bimlink', 'BIMlink', auth, { supportsMultipleAccounts: true }),
    tree,
    vscode.window.createTreeView('bimlink.explorer', { treeDataProvider: tree, showCollapseAll: true }),
    ...registerCommands({ log, tree }),
  );
}

export function deactivate(): void {}
