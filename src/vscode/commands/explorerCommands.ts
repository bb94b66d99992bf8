import * as vscode from 'vscode';
import { sameId } from '../../core/api/ids';
import type { Connection } from '../connection/connection';
import { literalText } from '../../core/text/untrustedText';
import { describeError } from '../feedback/errorMessages';
import { showErrorMessage, showInformationMessage } from '../feedback/messages';
import { DomainAccountNode } from '../tree/domainAccountNode';
import { isExplorerNode, type ExplorerNode } from '../tree/explorerNode';
import type { ExplorerTreeDataProvider } from '../tree/explorerTreeDataProvider';
import { LocationNode, ProjectNode } from '../tree/locationNode';
import { PhaseNode } from '../tree/phaseNode';

export interface ExplorerCommandDependencies {
  readonly tree: ExplorerTreeDataProvider;
  readonly view: vscode.TreeView<ExplorerNode>;
  readonly connection: Connection;
}

/**
 * The explorer's commands. Those run on a row take the row's node; any other argument (a command link's JSON) is
 * ignored, as if the command had been run without one.
 */
export function explorerCommands({ tree, view, connection }: ExplorerCommandDependencies): Record<string, (...args: unknown[]) => unknown> {
  const nodeOf = (value: unknown): ExplorerNode | undefined => isExplorerNode(value) ? value : undefined;
  return {
    // The view's title-bar Refresh and the palette's reload everything. VS Code hands a title-bar command the row that
    // has the focus, so this ignores its argument; a row's own Refresh (context menu) is bimlink.refreshNode.
    'bimlink.refresh': () => tree.refresh(),
    'bimlink.refreshNode': (node?: unknown) => tree.refresh(nodeOf(node)),
    'bimlink.retry': (node?: unknown) => tree.refresh(nodeOf(node)),
    'bimlink.loadMore': async (node?: unknown) => {
      if (!(node instanceof PhaseNode)) return;
      await vscode.window.withProgress({ location: { viewId: 'bimlink.explorer' } }, () => node.loadMore());
      tree.redraw(node);
    },
    'bimlink.filter': async (value?: unknown) => {
      const node = nodeOf(value);
      if (!node) return;
      const text = await vscode.window.showInputBox({
        title: `Filter ${String(node.treeItem().label)}`,
        prompt: 'Show only the children whose name contains this text. Leave empty to show all.',
        value: tree.getFilter(node) ?? '',
      });
      if (text !== undefined) tree.setFilter(node, text.trim() || undefined);
      if (text?.trim()) await view.reveal(node, { expand: true });
    },
    'bimlink.clearFilter': (node?: unknown) => { if (isExplorerNode(node)) tree.setFilter(node, undefined); },
    'bimlink.copyId': async (value?: unknown) => {
      const node = nodeOf(value);
      if (!node?.dataId) return;
      await vscode.env.clipboard.writeText(node.dataId);
      vscode.window.setStatusBarMessage(literalText(`Copied ${node.dataId}`), 3000); // the status bar renders $(name) as an icon
    },
    'bimlink.selectDomainAccount': () => selectDomainAccount(tree, view, connection),
    'bimlink.selectProjectPhase': () => selectProjectPhase(tree, view, connection),
  };
}

type DomainAccountPick = vscode.QuickPickItem & { node?: DomainAccountNode; accountId?: string };

/** Picks a domain account (remembered) and reveals it in the tree. */
async function selectDomainAccount(tree: ExplorerTreeDataProvider, view: vscode.TreeView<ExplorerNode>, connection: Connection): Promise<void> {
  const chosen = await pickDomainAccount(tree, connection);
  const shown = chosen && (await tree.domainAccountNodes()).find(node => sameId(node.domainAccount.id, chosen.domainAccount.id));
  if (shown) await view.reveal(shown, { select: true, focus: true, expand: true });
}

/**
 * Picks the domain account to work in (or switches to another signed-in account); the choice is remembered across
 * restarts. Resolves with the chosen domain account's node.
 */
async function pickDomainAccount(tree: ExplorerTreeDataProvider, connection: Connection): Promise<DomainAccountNode | undefined> {
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
  picks.catch(() => undefined);
  const chosen = await vscode.window.showQuickPick(picks, {
    title: `BIMlink domain accounts of ${state.account.label}`,
    placeHolder: 'Choose the domain account to work in',
  }).then(undefined, error => {
    void showErrorMessage(`The domain accounts could not be loaded: ${describeError(error)}`);
    return undefined;
  });
  if (chosen?.accountId) await connection.useAccount(chosen.accountId);
  if (!chosen?.node) return undefined;
  await tree.selectDomainAccount(chosen.node.domainAccount);
  return chosen.node;
}

type PhasePick = vscode.QuickPickItem & { phase: PhaseNode };

/** Reveals the project phase the user picks. */
async function selectProjectPhase(tree: ExplorerTreeDataProvider, view: vscode.TreeView<ExplorerNode>, connection: Connection): Promise<void> {
  const phase = await pickProjectPhase(tree, connection);
  if (phase) await view.reveal(phase, { select: true, focus: true, expand: true });
}

/** Picks a project phase of the selected domain account (choosing the domain account first when none is). */
export async function pickProjectPhase(tree: ExplorerTreeDataProvider, connection: Connection): Promise<PhaseNode | undefined> {
  const selected = async () => {
    const nodes = await tree.domainAccountNodes().catch(() => []);
    return nodes.find(node => sameId(node.domainAccount.id, tree.selectedDomainAccountId())) ?? (nodes.length === 1 ? nodes[0] : undefined);
  };
  // Choosing the domain account here must not move the focus to the tree: that would close the next picker.
  const domainAccount = await selected() ?? (await pickDomainAccount(tree, connection) && await selected());
  if (!domainAccount) return undefined;
  const picks = (async (): Promise<PhasePick[]> => {
    const items: PhasePick[] = [];
    const locations = await tree.getChildren(domainAccount);
    if (!locations.some(node => node instanceof LocationNode)) throw new Error(String(locations[0]?.treeItem().label ?? 'no locations'));
    for (const location of locations.filter((n): n is LocationNode => n instanceof LocationNode)) {
      for (const project of (await location.children()).filter((n): n is ProjectNode => n instanceof ProjectNode)) {
        for (const phase of (await project.children()).filter((n): n is PhaseNode => n instanceof PhaseNode)) {
          items.push({ label: phase.phase.name, description: phase.phase.code, detail: `${location.location.name} › ${project.project.name}`, phase });
        }
      }
    }
    return items;
  })();
  picks.catch(() => undefined);
  const chosen = await vscode.window.showQuickPick(picks, {
    title: `Project phases in ${domainAccount.domainAccount.name}`,
    placeHolder: 'Choose a project phase',
    matchOnDescription: true,
    matchOnDetail: true,
  }).then(undefined, error => {
    void showErrorMessage(`The project phases could not be loaded: ${describeError(error)}`);
    return undefined;
  });
  return chosen?.phase;
}
