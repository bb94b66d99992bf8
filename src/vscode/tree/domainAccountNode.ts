import * as vscode from 'vscode';
import type { DomainAccount } from '../../core/api';
import { sortByName } from '../../core/model/levelOrder';
import { nodeId } from '../../core/model/nodeIds';
import { ChildLoader } from './childLoader';
import { item, tooltip, type ExplorerNode } from './explorerNode';
import { LocationNode } from './locationNode';
import { MessageNode } from './statusNodes';
import type { TreeContext } from './treeContext';

/** A domain account (a company or a very big project): its locations come with one request. */
export class DomainAccountNode implements ExplorerNode {
  readonly id: string;
  get dataId(): string { return this.domainAccount.id; }
  readonly parent = undefined;
  private readonly loader: ChildLoader;

  constructor(context: TreeContext, readonly domainAccount: DomainAccount, private readonly selected: boolean) {
    this.id = nodeId(context.scope, [['da', domainAccount.id]]);
    this.loader = new ChildLoader(this, async signal => {
      const locations = await context.client.getLocations(domainAccount.id, { signal });
      if (!locations.length) return [new MessageNode(this, 'empty', 'No locations you can see in this domain account.')];
      return sortByName(locations).map(location => new LocationNode(this, context, domainAccount.id, location));
    });
  }

  treeItem(): vscode.TreeItem {
    return item(this, this.domainAccount.name, {
      icon: 'organization',
      contextValue: 'domainAccount expandable',
      collapsible: this.selected ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
      description: this.selected ? 'selected' : undefined,
      tooltip: tooltip(this.domainAccount.name, { 'Domain account id': this.domainAccount.id }),
    });
  }

  children(): Promise<ExplorerNode[]> {
    return this.loader.children();
  }

  reset(): void {
    this.loader.reset();
  }
}
