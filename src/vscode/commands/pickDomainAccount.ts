import * as vscode from 'vscode';
import { sameId } from '../../core/api/ids';
import type { Connection } from '../connection/connection';
import { showInformationMessage } from '../feedback/messages';
import type { DomainAccountNode } from '../tree/domainAccountNode';
import type { ExplorerTreeDataProvider } from '../tree/explorerTreeDataProvider';
import { failsAs } from './commandError';

type DomainAccountPick = vscode.QuickPickItem & { node?: DomainAccountNode; accountId?: string };

/**
 * Picks the domain account to work in (or switches to another signed-in account); the choice is remembered across
 * restarts. Resolves with the chosen domain account's node.
 */
export async function pickDomainAccount(tree: ExplorerTreeDataProvider, connection: Connection): Promise<DomainAccountNode | undefined> {
  const state = connection.state;
  if (state.kind !== 'signedIn') {
    void showInformationMessage('Sign in to BIMlink to choose a domain account.', 'Sign In')
      .then(choice => { if (choice) void vscode.commands.executeCommand('bimlink.signIn'); });
    return undefined;
  }
  const picks = (async (): Promise<DomainAccountPick[]> => {
    const nodes = await tree.domainAccountNodes();
    const selected = tree.selectedDomainAccountId();
    const others = (await connection.accounts()).filter(account => account.id !== state.account.id);
    return [
      ...nodes.map(node => ({ label: node.domainAccount.name, description: sameId(node.domainAccount.id, selected) ? 'selected' : undefined, node })),
      ...(others.length ? [{ label: 'Accounts', kind: vscode.QuickPickItemKind.Separator }] : []),
      ...others.map(account => ({ label: `$(account) Use ${account.label}`, accountId: account.id })),
    ];
  })();
  picks.catch(() => undefined); // the picker reports it
  const chosen = await failsAs(() => vscode.window.showQuickPick(picks, {
    title: `BIMlink domain accounts of ${state.account.label}`,
    placeHolder: 'Choose the domain account to work in',
  }), reason => `The domain accounts could not be loaded: ${reason}`);
  if (chosen?.accountId) await connection.useAccount(chosen.accountId);
  if (!chosen?.node) return undefined;
  await tree.selectDomainAccount(chosen.node.domainAccount);
  return chosen.node;
}
