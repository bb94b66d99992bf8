import * as vscode from 'vscode';
import type { ProjectPhase, SpatialStructureElement } from '../../core/api';
import { mergeById } from '../../core/model/mergeById';
import { buildSpatialTree } from '../../core/model/spatialTree';
import { describeError } from '../feedback/errorMessages';
import { item, tooltip, type ExplorerNode } from './explorerNode';
import { SpatialElementNode } from './spatialElementNode';
import { ErrorNode, LoadMoreNode, MessageNode } from './statusNodes';
import type { TreeContext } from './treeContext';

/** The pages of a paginated level loaded so far. */
interface LoadedPages {
  items: SpatialStructureElement[];
  nextOffset: number;
  total: number | undefined;
  done: boolean;
}

/**
 * A project phase: its spatial structure (plots, buildings, building parts, storeys), one page per request. Pages
 * already loaded stay loaded; "Load more…" adds the next page, merged by id.
 */
export class PhaseNode implements ExplorerNode {
  readonly id: string;
  get dataId(): string { return this.phase.id; }
  private pages: LoadedPages | undefined;
  private loading: Promise<void> | undefined;
  private controller: AbortController | undefined;
  private failure: string | undefined;

  constructor(readonly parent: ExplorerNode, private readonly context: TreeContext, readonly domainAccountId: string,
    readonly phase: ProjectPhase) {
    this.id = `${parent.id}/phase=${encodeURIComponent(phase.id)}`;
  }

  treeItem(): vscode.TreeItem {
    return item(this, this.phase.name, {
      icon: 'milestone',
      contextValue: 'phase expandable',
      collapsible: vscode.TreeItemCollapsibleState.Collapsed,
      description: this.phase.code,
      tooltip: tooltip(this.phase.name, { 'Project phase id': this.phase.id, Code: this.phase.code, 'Domain account id': this.domainAccountId }),
    });
  }

  async children(): Promise<ExplorerNode[]> {
    if (!this.pages && !this.failure) await this.loadPage();
    const nodes: ExplorerNode[] = [];
    if (this.pages) {
      if (!this.pages.items.length && this.pages.done) return [new MessageNode(this, 'empty', 'This phase has no spatial structure yet.')];
      nodes.push(...buildSpatialTree(this.pages.items).map(tree => new SpatialElementNode(this, this.domainAccountId, this.phase.id, tree)));
      if (!this.pages.done && !this.failure) nodes.push(new LoadMoreNode(this, this.pages.items.length, this.pages.total));
    }
    if (this.failure) {
      nodes.push(new ErrorNode(this, this.failure));
      this.failure = undefined; // the next expand or Retry tries again
    }
    return nodes;
  }

  /** Loads the next page into this level (Load more…). */
  loadMore(): Promise<void> {
    return this.loadPage();
  }

  reset(): void {
    this.controller?.abort();
    this.controller = undefined;
    this.loading = undefined;
    this.pages = undefined;
    this.failure = undefined;
  }

  private loadPage(): Promise<void> {
    this.loading ??= this.fetchNextPage().finally(() => { this.loading = undefined; });
    return this.loading;
  }

  private async fetchNextPage(): Promise<void> {
    const controller = new AbortController();
    this.controller = controller;
    const offset = this.pages?.nextOffset ?? 0;
    try {
      const pages = this.context.client.spatialStructurePages({ domainAccountId: this.domainAccountId, projectPhaseId: this.phase.id },
        { offset, limit: this.context.pageSize, maxPages: 1, prefetch: 1, signal: controller.signal });
      const result = await pages.next();
      await pages.return(undefined);
      if (controller.signal.aborted) return;
      const page = result.done ? undefined : result.value;
      const items = mergeById(this.pages?.items ?? [], page?.items ?? []);
      const served = page ? page.offset + Math.max(page.limit, 1) : offset;
      const total = page?.total;
      const done = !page || page.items.length < page.limit || (total !== undefined && served >= total);
      this.pages = { items, nextOffset: served, total, done };
    } catch (error) {
      if (!controller.signal.aborted) this.failure = describeError(error);
    }
  }
}
