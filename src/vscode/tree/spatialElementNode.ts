import * as vscode from 'vscode';
import { nodeId } from '../../core/model/nodeIds';
import type { SpatialTreeNode } from '../../core/model/spatialTree';
import { BranchNode } from './branchNode';
import { item, tooltip, type ExplorerNode } from './explorerNode';
import { alreadyLoaded, PagedChildren } from './pagedChildren';

const icons: Record<string, string> = { Plot: 'map', Building: 'home', BuildingPart: 'symbol-structure', Storey: 'layers' };
const kinds: Record<string, string> = { Plot: 'Plot', Building: 'Building', BuildingPart: 'Building part', Storey: 'Storey' };

/** A child element, keyed by its element's id as the level's items are. */
interface Child { readonly id: string; readonly tree: SpatialTreeNode }

/** A plot, building, building part or storey, nested as the phase's spatial structure says. */
export class SpatialElementNode extends BranchNode<Child> implements ExplorerNode {
  readonly id: string;
  get dataId(): string { return this.tree.element.id; }
  /** Every element's id hangs from the phase's: a page that brings an element's parent moves it, not its id. */
  private readonly phaseNodeId: string;
  protected readonly level: PagedChildren<Child>;

  constructor(readonly parent: ExplorerNode, readonly domainAccountId: string, readonly projectPhaseId: string, readonly tree: SpatialTreeNode) {
    super();
    this.phaseNodeId = parent instanceof SpatialElementNode ? parent.phaseNodeId : parent.id;
    this.id = nodeId(this.phaseNodeId, [['sse', tree.element.id]]);
    this.level = new PagedChildren(this, {
      loadPage: alreadyLoaded(tree.children.map(child => ({ id: child.element.id, tree: child }))),
      present: children => children.map(child => new SpatialElementNode(this, domainAccountId, projectPhaseId, child.tree)),
    });
  }

  get isStorey(): boolean {
    return this.tree.element.type === 'Storey';
  }

  treeItem(): vscode.TreeItem {
    const { element } = this.tree;
    const elevation = typeof element.elevation === 'number' ? `${element.elevation.toFixed(2)} m` : undefined;
    return item(this, element.name, {
      icon: icons[element.type] ?? 'symbol-namespace',
      contextValue: this.isStorey ? 'storey' : 'spatialElement',
      collapsible: this.tree.children.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
      description: this.isStorey ? elevation : kinds[element.type] ?? element.type,
      tooltip: tooltip(element.name, {
        [`${kinds[element.type] ?? element.type} id`]: element.id,
        Elevation: elevation,
        Aliases: element.aliases,
      }),
    });
  }
}
