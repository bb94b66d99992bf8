import * as vscode from 'vscode';
import { sameId } from '../../core/api/ids';
import { literalText } from '../../core/text/untrustedText';
import type { Connection } from './connection';
import type { ExplorerTreeDataProvider } from '../tree/explorerTreeDataProvider';

/** Shows who is signed in and in which domain account; a click opens the domain-account picker. */
export function createStatusBarItem(connection: Connection, tree: ExplorerTreeDataProvider): vscode.Disposable {
  const statusItem = vscode.window.createStatusBarItem('bimlink.account', vscode.StatusBarAlignment.Left, 50);
  statusItem.name = 'BIMlink';
  statusItem.command = 'bimlink.selectDomainAccount';
  const update = async () => {
    const state = connection.state;
    if (state.kind !== 'signedIn') {
      statusItem.hide();
      return;
    }
    const selectedId = tree.selectedDomainAccountId();
    const domainAccount = selectedId ? (await tree.domainAccountNodes().catch(() => [])).find(n => sameId(n.domainAccount.id, selectedId)) : undefined;
    const name = domainAccount?.domainAccount.name;
    statusItem.text = `$(organization) ${literalText(name ?? 'BIMlink')}`; // a name's own $(…) stays text, not an icon
    statusItem.tooltip = `BIMlink: signed in as ${state.account.label}${name ? `, domain account ${name}` : ''}. Click to choose a domain account.`;
    statusItem.show();
  };
  void update();
  return vscode.Disposable.from(statusItem, connection.onDidChange(() => void update()), tree.onDidChangeTreeData(node => { if (!node) void update(); }));
}
