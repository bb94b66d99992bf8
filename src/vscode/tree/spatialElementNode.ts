import * as vscode from 'vscode';
import type { SpatialTreeNode } from '../../core/model/spatialTree';
import { item, tooltip, type ExplorerNode } from './explorerNode';

const icons: Record<string, string> = { Plot: 'map', Building: 'home', BuildingPart: 'symbol-structure', Storey: 'layers' };
const kinds: Record<string, string> = { Plot: 'Plot', Building: 'Building', BuildingPart: 'Building part', Storey: 'Storey' };

/** A plot, building, building part or storey, nested as the phase's spatial structure says. */
export class SpatialElementNode implements ExplorerNode {
  readonly id: string;
  get dataId(): string { return this.tree.element.id; }
  constructor(readonly parent: ExplorerNode, readonly domainAccountId: string, readonly projectPhaseId: string, readonly tree: SpatialTreeNode) {
    this.id = `${parent.id.split('/sse=')[0]}/sse=${encodeURIComponent(tree.element.id)}`;
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

  async children(): Promise<ExplorerNode[]> {
    return this.tree.children.map(child => new SpatialElementNode(this, this.domainAccountId, this.projectPhaseId, child));
  }
}
