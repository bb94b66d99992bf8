import * as vscode from 'vscode';
import { tooltipMarkdown } from '../../core/text/tooltipMarkdown';

/** A node of the BIMlink explorer. Its id comes from the data path (see core/model/nodeIds). */
export interface ExplorerNode {
  readonly id: string;
  readonly parent: ExplorerNode | undefined;
  /** The BIMlink id of what the node shows (Copy ID); absent for status nodes. */
  readonly dataId?: string;
  treeItem(): vscode.TreeItem;
  /**
   * Children, loaded at most once (page by page) until the node is refreshed; with `filter`, only those whose label
   * contains it. Absent for leaves.
   */
  children?(filter?: string): Promise<ExplorerNode[]>;
  /** Loads the next page of the children (Load more…); a no-op when all are loaded. */
  loadMore?(): Promise<void>;
  /** Forgets loaded children and aborts a load under way (refresh of this subtree). */
  reset?(): void;
}

/**
 * A node of this tree, as VS Code hands it to a command run from a row. A command link's arguments are plain JSON,
 * which cannot carry the node's methods, so they never pass for one.
 */
export function isExplorerNode(value: unknown): value is ExplorerNode {
  const node = value as Partial<ExplorerNode> | undefined;
  return typeof node?.treeItem === 'function' && typeof node.id === 'string';
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

/** A tooltip listing an entity's id and key fields, every value shown as text (see tooltipMarkdown). */
export function tooltip(title: string, fields: Record<string, unknown>): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString(tooltipMarkdown(title, fields));
  markdown.supportHtml = false;
  markdown.supportThemeIcons = false;
  markdown.isTrusted = false;
  return markdown;
}
