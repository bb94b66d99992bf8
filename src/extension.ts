// The composition root: builds the extension's objects and registers them with VS Code. No logic lives here.
import * as vscode from 'vscode';
import { BimlinkAuthenticationProvider } from './vscode/auth/bimlinkAuthenticationProvider';
import { showSessionNotices } from './vscode/auth/sessionNotices';
import { registerSignOutOtherServers } from './vscode/auth/signOutOtherServers';
import { UriCallbacks } from './vscode/auth/uriCallbacks';
import { registerCommands } from './vscode/commands/registerCommands';
import { Settings } from './vscode/settings/settings';
import { Connection } from './vscode/connection/connection';
import { EntityDocuments, entityScheme } from './vscode/documents/entityDocuments';
import { EntityFileSystem } from './vscode/documents/entityFileSystem';
import { createLog } from './vscode/feedback/log';
import { createStatusBarItem } from './vscode/connection/statusBar';
import { PhasePanels } from './vscode/phases/phasePanels';
import { PhaseResults } from './vscode/phases/phaseResults';
import { ReferenceServices } from './vscode/references/referenceServices';
import { registerReferenceProviders } from './vscode/references/registerReferenceProviders';
import { ExplorerTreeDataProvider } from './vscode/tree/explorerTreeDataProvider';

/** How long the browser has to come back from the sign-in page before VS Code offers to paste the address. */
const signInTimeoutMs = Number(process.env.BIMLINK_SIGN_IN_TIMEOUT_MS) || 5 * 60_000;

export function activate(context: vscode.ExtensionContext): void {
  const log = createLog();
  const settings = new Settings();
  const fetch = (url: string, init?: RequestInit) => globalThis.fetch(url, init);
  const uriCallbacks = new UriCallbacks();
  const auth = new BimlinkAuthenticationProvider({
    fetch, secrets: context.secrets, settings: () => settings.values, log, uriCallbacks,
    extensionId: context.extension.id, timeoutMs: signInTimeoutMs,
  });
  const connection = new Connection(auth, settings, context.globalState, fetch, log);
  const tree = new ExplorerTreeDataProvider(connection, context.globalState);
  const view = vscode.window.createTreeView('bimlink.explorer', { treeDataProvider: tree, showCollapseAll: true });
  const references = new ReferenceServices(connection); // builds its services on first use
  const documents = new EntityDocuments(connection, client => references.lookupFor(client));
  const files = new EntityFileSystem(documents, log);
  const phaseResults = new PhaseResults(connection);
  const phasePanels = new PhasePanels(context.extensionUri);
  const updateContextKeys = () => {
    const state = connection.state;
    void vscode.commands.executeCommand('setContext', 'bimlink.signedIn', state.kind === 'signedIn');
    void vscode.commands.executeCommand('setContext', 'bimlink.needsClientId', state.kind !== 'signedIn' && !settings.values.clientId);
  };
  context.subscriptions.push(
    log,
    settings,
    auth,
    vscode.authentication.registerAuthenticationProvider('bimlink', 'BIMlink', auth, { supportsMultipleAccounts: true }),
    showSessionNotices(auth),
    vscode.window.registerUriHandler(uriCallbacks),
    connection,
    connection.onDidChange(updateContextKeys),
    settings.onDidChange(() => {
      auth.useSettings();
      void connection.update().then(updateContextKeys);
    }),
    tree,
    view,
    createStatusBarItem(connection, tree),
    files,
    vscode.workspace.registerFileSystemProvider(entityScheme, files, {
      isCaseSensitive: true,
      isReadonly: new vscode.MarkdownString('BIMlink entity documents are read-only: they show data from the BIMlink API. Use **BIMlink: Export Entities…** to save a collection to a file.'),
    }),
    references,
    phaseResults,
    phasePanels,
    ...registerReferenceProviders(references, documents, files),
    ...registerCommands({ log, settings, auth, tree, view, connection, documents, files, fetch, references, phaseResults, phasePanels }),
    registerSignOutOtherServers(auth, context.secrets, settings, log),
  );
  updateContextKeys();
  void connection.update();
}

export function deactivate(): void {}
