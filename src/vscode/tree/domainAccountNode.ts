import * as vscode from 'vscode';
import type { DomainAccount, Location } from '../../core/api';
import { sortByName } from '../../core/model/levelOrder';
import { nodeId } from '../../core/model/nodeIds';
import { BranchNode } from './branchNode';
import { item, tooltip, type ExplorerNode } from './explorerNode';
import { LocationNode } from './locationNode';
import { onePage, PagedChildren } from './pagedChildren';
import type { TreeContext } from './treeContext';

/** A domain account (a company or a very big project): its locations come with one request. */
export class DomainAccountNode extends BranchNode<Location> implements ExplorerNode {
  readonly id: string;
  get dataId(): string { return this.domainAccount.id; }
  readonly parent = undefined;
  protected readonly level: PagedChildren<Location>;

  constructor(context: TreeContext, readonly domainAccount: DomainAccount, private readonly selected: boolean) {
    super();
    this.id = nodeId(context.scope, [['da', domainAccount.id]]);
    this.level = new PagedChildren(this, {
      loadPage: onePage(signal => context.client.getLocations(domainAccount.id, { signal })),
      present: locations => sortByName(locations).map(location => new LocationNode(this, context, domainAccount.id, location)),
      empty: { key: 'empty', message: 'No locations you can see in this domain account.' },
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
}
