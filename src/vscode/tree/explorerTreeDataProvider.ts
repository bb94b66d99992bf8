import * as vscode from 'vscode';
import type { DomainAccount } from '../../core/api';
import { sameId } from '../../core/api/ids';
import { sortByName } from '../../core/model/levelOrder';
import type { Connection, ConnectionState } from '../connection/connection';
import { DomainAccountNode } from './domainAccountNode';
import type { ExplorerNode } from './explorerNode';
import { onePage, PagedChildren } from './pagedChildren';
import { MessageNode } from './statusNodes';
import type { TreeContext } from './treeContext';

/**
 * The BIMlink explorer: domain accounts → locations → projects → phases → spatial structure. Each level loads its
 * children once (one request per page at most) and keeps them until it is refreshed; a refresh reloads only that
 * subtree. The whole tree reloads once when the account, environment or settings change — not when a token is
 * renewed. Signed out, it is empty, so VS Code shows the view's welcome content (Sign in).
 */
export class ExplorerTreeDataProvider implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private context: TreeContext | undefined;
  private roots: PagedChildren<DomainAccount> | undefined;
  private readonly filters = new Map<string, string>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly connection: Pick<Connection, 'state' | 'onDidChange'>, private readonly globalState: vscode.Memento) {
    this.subscription = connection.onDidChange(state => this.use(state));
    this.use(connection.state);
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    const treeItem = node.treeItem();
    const filter = this.filters.get(node.id);
    if (filter) {
      treeItem.description = [treeItem.description, `filter: ${filter}`].filter(Boolean).join(' · ');
      treeItem.contextValue = `${treeItem.contextValue} filtered`;
    }
    return treeItem;
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    return node.parent;
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    const state = this.connection.state;
    if (!node && state.kind === 'misconfigured') {
      return [new MessageNode(undefined, 'settings', state.error.message, 'warning',
        { command: 'workbench.action.openSettings', title: 'Open Setting', arguments: [state.error.setting] })];
    }
    if (!node) return this.rootChildren();
    return await node.children?.(this.filters.get(node.id)) ?? [];
  }

  /** Reloads one subtree, or the whole tree; loads under way there are aborted. */
  refresh(node?: ExplorerNode): void {
    if (node) node.reset?.();
    else this.roots?.reset();
    this.changed.fire(node);
  }

  /** Loads the next page of a node's children (Load more…) and shows it; a no-op for a node without children. */
  async loadMore(node: ExplorerNode): Promise<void> {
    if (!node.loadMore) return;
    await node.loadMore();
    this.redraw(node);
  }

  /**
   * Loads again what failed (Retry on an error row): the failed page of a node's children, keeping the pages already
   * loaded; the whole tree when the top level failed.
   */
  async retry(node?: ExplorerNode): Promise<void> {
    if (node) await this.loadMore(node);
    else this.refresh();
  }

  /** Shows a node again after its children changed without a reload. */
  redraw(node?: ExplorerNode): void {
    this.changed.fire(node);
  }

  setFilter(node: ExplorerNode, text: string | undefined): void {
    if (text) this.filters.set(node.id, text);
    else this.filters.delete(node.id);
    this.changed.fire(node);
  }

  getFilter(node: ExplorerNode): string | undefined {
    return this.filters.get(node.id);
  }

  /** The domain accounts of the active account, as shown at the root (loaded once). */
  async domainAccountNodes(): Promise<DomainAccountNode[]> {
    return (await this.getChildren()).filter((node): node is DomainAccountNode => node instanceof DomainAccountNode);
  }

  selectedDomainAccountId(): string | undefined {
    return this.context ? this.globalState.get<string>(this.selectionKey(this.context)) : undefined;
  }

  /** Remembers the chosen domain account (per environment and account) and shows it as selected. */
  async selectDomainAccount(domainAccount: DomainAccount): Promise<void> {
    if (!this.context) return;
    await this.globalState.update(this.selectionKey(this.context), domainAccount.id);
    this.refresh();
  }

  dispose(): void {
    this.roots?.dispose();
    this.subscription.dispose();
    this.changed.dispose();
  }

  /** The top level; when the account changes during the load, the new account's. */
  private async rootChildren(): Promise<ExplorerNode[]> {
    const roots = this.roots;
    const children = await roots?.children() ?? [];
    return roots === this.roots ? children : this.getChildren();
  }

  private use(state: ConnectionState): void {
    this.roots?.dispose();
    this.filters.clear();
    const context: TreeContext | undefined = state.kind === 'signedIn' ? { scope: state.scope, client: state.client, pageSize: state.pageSize } : undefined;
    this.context = context;
    this.roots = context && new PagedChildren(undefined, {
      loadPage: onePage(signal => context.client.getDomainAccounts({ signal })),
      present: accounts => {
        const selected = this.globalState.get<string>(this.selectionKey(context));
        return sortByName(accounts).map(account => new DomainAccountNode(context, account, sameId(account.id, selected)));
      },
      empty: { key: 'no-domain-accounts', message: 'You are not a member of any BIMlink domain account on this server. Ask your BIMlink administrator to add you to one.' },
    });
    this.changed.fire(undefined);
  }

  private selectionKey(context: TreeContext): string {
    return `bimlink.domainAccount:${context.scope}`;
  }
}
