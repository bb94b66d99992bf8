import * as vscode from 'vscode';
import { sameId } from '../../core/api/ids';
import type { Connection } from '../connection/connection';
import { literalText } from '../../core/text/untrustedText';
import type { ExplorerNode } from '../tree/explorerNode';
import type { ExplorerTreeDataProvider } from '../tree/explorerTreeDataProvider';
import type { ReferenceServices } from '../references/referenceServices';
import { PhaseNode } from '../tree/phaseNode';
import { SpatialElementNode } from '../tree/spatialElementNode';
import { defineCommand, type Command } from './command';
import { explorerNode } from './commandParameters';
import { pickDomainAccount } from './pickDomainAccount';
import { pickProjectPhase } from './pickProjectPhase';

export interface ExplorerCommandDependencies {
  readonly tree: ExplorerTreeDataProvider;
  readonly view: vscode.TreeView<ExplorerNode>;
  readonly connection: Connection;
  /** What references resolved and found (issue 18): forgotten with what the tree forgets. */
  readonly references: ReferenceServices;
}

/** The explorer's commands. Those run on a row take the row's node; anything else is ignored, as if none was given. */
export function explorerCommands({ tree, view, connection, references }: ExplorerCommandDependencies): Command[] {
  return [
    // The view's title-bar Refresh and the palette's reload everything. VS Code hands a title-bar command the row that
    // has the focus, so this takes no argument; a row's own Refresh (context menu) is bimlink.refreshNode.
    defineCommand({ id: 'bimlink.refresh', parameters: [], run: () => { references.forget(); tree.refresh(); } }),
    defineCommand({ id: 'bimlink.refreshNode', parameters: [explorerNode], run: node => { references.forget(phaseOf(node)); tree.refresh(node); } }),
    defineCommand({ id: 'bimlink.retry', parameters: [explorerNode], run: node => tree.retry(node) }), // an error row's Retry
    defineCommand({
      id: 'bimlink.loadMore',
      parameters: [explorerNode],
      run: node => node && vscode.window.withProgress({ location: { viewId: 'bimlink.explorer' } }, () => tree.loadMore(node)),
    }),
    defineCommand({
      id: 'bimlink.filter',
      parameters: [explorerNode],
      run: async node => {
        if (!node) return;
        const text = await vscode.window.showInputBox({
          title: `Filter ${String(node.treeItem().label)}`,
          prompt: 'Show only the children whose name contains this text. Leave empty to show all.',
          value: tree.getFilter(node) ?? '',
        });
        if (text !== undefined) tree.setFilter(node, text.trim() || undefined);
        if (text?.trim()) await view.reveal(node, { expand: true });
      },
    }),
    defineCommand({ id: 'bimlink.clearFilter', parameters: [explorerNode], run: node => node && tree.setFilter(node, undefined) }),
    defineCommand({
      id: 'bimlink.copyId',
      parameters: [explorerNode],
      run: async node => {
        if (!node?.dataId) return;
        await vscode.env.clipboard.writeText(node.dataId);
        vscode.window.setStatusBarMessage(literalText(`Copied ${node.dataId}`), 3000); // the status bar renders $(name) as an icon
      },
    }),
    defineCommand({
      id: 'bimlink.selectDomainAccount', // and reveal it in the tree
      parameters: [],
      run: async () => {
        const chosen = await pickDomainAccount(tree, connection);
        const shown = chosen && (await tree.domainAccountNodes()).find(node => sameId(node.domainAccount.id, chosen.domainAccount.id));
        if (shown) await view.reveal(shown, { select: true, focus: true, expand: true });
      },
    }),
    defineCommand({
      id: 'bimlink.selectProjectPhase', // and reveal it in the tree
      parameters: [],
      run: async () => {
        const phase = await pickProjectPhase(tree, connection);
        if (phase) await view.reveal(phase, { select: true, focus: true, expand: true });
      },
    }),
  ];
}

/** The phase a row belongs to, for a refresh that forgets only that phase's references; undefined (everything) for a higher row. */
function phaseOf(node: ExplorerNode | undefined): { domainAccountId: string; projectPhaseId: string } | undefined {
  if (node instanceof PhaseNode) return { domainAccountId: node.domainAccountId, projectPhaseId: node.phase.id };
  if (node instanceof SpatialElementNode) return { domainAccountId: node.domainAccountId, projectPhaseId: node.projectPhaseId };
  return undefined;
}
