import * as vscode from 'vscode';
import { nodeId } from '../../core/model/nodeIds';
import { item, type ExplorerNode } from './explorerNode';

/** Status rows hang from the node whose level they belong to; at the top, from `root`. */
const below = (parent: ExplorerNode | undefined): string => parent?.id ?? 'root';

/** A failed load: the message, and Retry (which loads the parent's level again). Never an endless spinner. */
export class ErrorNode implements ExplorerNode {
  readonly id: string;
  constructor(readonly parent: ExplorerNode | undefined, private readonly message: string) {
    this.id = nodeId(below(parent), [['error']]);
  }

  treeItem(): vscode.TreeItem {
    return item(this, this.message, {
      icon: 'error',
      contextValue: 'error',
      tooltip: `${this.message}\n\nClick to try again.`,
      command: { command: 'bimlink.retry', title: 'Retry', arguments: [this.parent] },
    });
  }
}

/** A plain message where a level is empty or not available, saying what that means. */
export class MessageNode implements ExplorerNode {
  readonly id: string;
  constructor(readonly parent: ExplorerNode | undefined, key: string, private readonly message: string,
    private readonly icon = 'info', private readonly command?: vscode.Command) {
    this.id = nodeId(below(parent), [['message', key]]);
  }

  treeItem(): vscode.TreeItem {
    return item(this, this.message, { icon: this.icon, contextValue: 'message', tooltip: this.message, command: this.command });
  }
}

/** The last node of a paginated level: loads the next page into the same level. */
export class LoadMoreNode implements ExplorerNode {
  readonly id: string;
  constructor(readonly parent: ExplorerNode | undefined, private readonly shown: number, private readonly total: number | undefined) {
    this.id = nodeId(below(parent), [['load-more']]);
  }

  treeItem(): vscode.TreeItem {
    return item(this, 'Load more…', {
      icon: 'ellipsis',
      contextValue: 'loadMore',
      description: this.total === undefined ? `${this.shown} shown` : `${this.shown} of ${this.total.toLocaleString('en')}`,
      command: { command: 'bimlink.loadMore', title: 'Load More', arguments: [this.parent] },
    });
  }
}
