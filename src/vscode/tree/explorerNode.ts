import * as vscode from 'vscode';

/** A node of the BIMlink explorer. Its id comes from the data path (see core/model/nodeIds). */
export interface ExplorerNode {
  readonly id: string;
  readonly parent: ExplorerNode | undefined;
  /** The BIMlink id of what the node shows (Copy ID); absent for status nodes. */
  readonly dataId?: string;
  treeItem(): vscode.TreeItem;
  /** Children, loaded at most once until the node is refreshed. Absent for leaves. */
  children?(): Promise<ExplorerNode[]>;
  /** Forgets loaded children and aborts a load under way (refresh of this subtree). */
  reset?(): void;
}

/** Builds a tree item with the id, context value and codicon every node sets the same way. */
export function item(node: ExplorerNode, label: string, options: {
  icon: string;
  contextValue: string;
  collapsible?: vscode.TreeItemCollapsibleState;
  description?: string;
  tooltip?: string | vscode.MarkdownString;
  command?: vscode.Command;
}): vscode.TreeItem {
  const treeItem = new vscode.TreeItem(label, options.collapsible ?? vscode.TreeItemCollapsibleState.None);
  treeItem.id = node.id;
  treeItem.iconPath = new vscode.ThemeIcon(options.icon);
  treeItem.contextValue = options.contextValue;
  treeItem.description = options.description;
  treeItem.tooltip = options.tooltip;
  treeItem.command = options.command;
  return treeItem;
}

/** A tooltip listing an entity's id and key fields. */
export function tooltip(title: string, fields: Record<string, unknown>): vscode.MarkdownString {
  const lines = Object.entries(fields)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([name, value]) => `- ${name}: \`${String(Array.isArray(value) ? value.join(', ') : value).replace(/`/g, "'")}\``);
  const markdown = new vscode.MarkdownString(`**${title.replace(/[\\`*_[\]<>]/g, '\\$&')}**\n\n${lines.join('\n')}`);
  markdown.supportHtml = false;
  return markdown;
}
