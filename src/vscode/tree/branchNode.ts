import type { ExplorerNode } from './explorerNode';
import type { PagedChildren } from './pagedChildren';

/** A node with children: every level loads, pages, filters and resets them the same way, through one PagedChildren. */
export abstract class BranchNode<T extends { readonly id: string }> {
  protected abstract readonly level: PagedChildren<T>;

  children(filter?: string): Promise<ExplorerNode[]> {
    return this.level.children(filter);
  }

  loadMore(): Promise<void> {
    return this.level.loadMore();
  }

  reset(): void {
    this.level.reset();
  }
}
