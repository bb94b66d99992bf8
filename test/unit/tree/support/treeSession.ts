// Test support: the explorer's tree provider fed by a connection the test controls, and the rows it shows.
import type { BimlinkClient } from '../../../../src/core/api/client';
import type { Connection, ConnectionState } from '../../../../src/vscode/connection/connection';
import type { ExplorerNode } from '../../../../src/vscode/tree/explorerNode';
import { ExplorerTreeDataProvider } from '../../../../src/vscode/tree/explorerTreeDataProvider';
import { EventEmitter, MemoryMemento } from '../../fakes/vscode';

export const SCOPE = 'emulator|anna';

export function signedIn(client: BimlinkClient, pageSize = 100): ConnectionState {
  return { kind: 'signedIn', account: { id: 'anna', label: 'Anna' }, sessionId: 's1', client, scope: SCOPE, pageSize, collections: {} };
}

/** The part of Connection the tree listens to, switched by the test. */
export class TestConnection implements Pick<Connection, 'state' | 'onDidChange'> {
  private readonly changed = new EventEmitter<ConnectionState>();
  readonly onDidChange = this.changed.event;
  constructor(public state: ConnectionState) {}

  change(state: ConnectionState): void {
    this.state = state;
    this.changed.fire(state);
  }
}

export function treeFor(connection: TestConnection): { tree: ExplorerTreeDataProvider; redrawn: (ExplorerNode | undefined)[] } {
  const tree = new ExplorerTreeDataProvider(connection, new MemoryMemento());
  const redrawn: (ExplorerNode | undefined)[] = [];
  tree.onDidChangeTreeData(node => { redrawn.push(node); });
  return { tree, redrawn };
}

/** A row as the user reads it: the label, and the description when there is one. */
export function text(tree: ExplorerTreeDataProvider, node: ExplorerNode): string {
  const treeItem = tree.getTreeItem(node);
  return [treeItem.label, treeItem.description].filter(Boolean).join(' | ');
}

/** The rows under `parent` (the top when absent). */
export async function rowsOf(tree: ExplorerTreeDataProvider, parent?: ExplorerNode): Promise<string[]> {
  return (await tree.getChildren(parent)).map(node => text(tree, node));
}

/** Opens the tree along a path of labels, as a user expanding rows would; the node at the end. */
export async function open(tree: ExplorerTreeDataProvider, ...labels: string[]): Promise<ExplorerNode> {
  let node: ExplorerNode | undefined;
  for (const label of labels) {
    const children = await tree.getChildren(node);
    const found = children.find(child => tree.getTreeItem(child).label === label);
    if (!found) throw new Error(`no row "${label}" among ${children.map(child => String(tree.getTreeItem(child).label)).join(', ')}`);
    node = found;
  }
  if (!node) throw new Error('open needs a label');
  return node;
}
