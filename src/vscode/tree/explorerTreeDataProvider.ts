import * as vscode from 'vscode';

/** A node of the BIMlink explorer tree. */
export interface ExplorerNode {
  readonly id: string;
  treeItem(): vscode.TreeItem;
  children?(): Promise<ExplorerNode[]>;
}

/**
 * The BIMlink explorer tree. While no one is signed in it is empty, so VS Code shows the view's welcome content
 * (the Sign in button).
 */
export class ExplorerTreeDataProvider implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly roots: () => Promise<ExplorerNode[]>) {}

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    return node.treeItem();
  }

  getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    return node ? node.children?.() ?? Promise.resolve([]) : this.roots();
  }

  /** Reloads one subtree, or the whole tree when no node is given. */
  refresh(node?: ExplorerNode): void {
    this.changed.fire(node);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
