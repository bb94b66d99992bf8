import { mergeById } from '../../core/model/mergeById';
import { describeError } from '../feedback/errorMessages';
import type { ExplorerNode } from './explorerNode';
import { ErrorNode, LoadMoreNode, MessageNode } from './statusNodes';

/** One page of a level: its items, the total when the server said so, and whether it was the last page. */
export interface LevelPage<T> {
  readonly items: readonly T[];
  readonly total?: number;
  readonly done: boolean;
}

/** Where a level's items come from, and how they show. */
export interface LevelSource<T> {
  /** The page at `offset` (the number of items the pages before it held). */
  loadPage(offset: number, signal: AbortSignal): Promise<LevelPage<T>>;
  /**
   * The nodes that show every item loaded so far, in the level's order. Called once per page loaded, not per
   * redraw: the same nodes come back every time, so whatever they loaded themselves stays loaded.
   */
  present(items: readonly T[]): ExplorerNode[];
  /** What the level says when it has nothing in it (`key` goes into the message's node id). */
  readonly empty?: { readonly key: string; readonly message: string };
}

/** A level that comes with one request, not paginated. */
export function onePage<T>(load: (signal: AbortSignal) => Promise<readonly T[]>): LevelSource<T>['loadPage'] {
  return async (_offset, signal) => ({ items: await load(signal), done: true });
}

/** A level built from data already loaded with its parent: it resolves at once. */
export function alreadyLoaded<T>(items: readonly T[]): LevelSource<T>['loadPage'] {
  return async () => ({ items, done: true });
}

interface Loaded<T> {
  readonly items: readonly T[];
  readonly nodes: ExplorerNode[];
  readonly nextOffset: number;
  readonly total: number | undefined;
  readonly done: boolean;
}

/**
 * The children of one node, whatever the level: the first page loads on the first look, "Load more…" adds the next
 * (merged by id), a failure shows as an error row with Retry under the pages already loaded (which stay), and a
 * reset forgets everything and aborts a load under way — an answer that arrives after a reset is never shown.
 */
export class PagedChildren<T extends { readonly id: string }> {
  private loaded: Loaded<T> | undefined;
  /** A failure not shown yet (of a Load more run as a command; a load awaited by `children` shows its own). */
  private failure: string | undefined;
  private loading: Promise<string | undefined> | undefined;
  private controller: AbortController | undefined;
  private generation = 0;
  private disposed = false;

  constructor(private readonly owner: ExplorerNode | undefined, private readonly source: LevelSource<T>) {}

  /**
   * The level as shown, keeping only the rows whose label contains `filter` (status rows stay). A level that
   * failed to load shows the error once: the next look loads it again.
   */
  async children(filter?: string): Promise<ExplorerNode[]> {
    const generation = this.generation;
    const awaited = await (this.loading ?? (this.loaded || this.failure ? undefined : this.loadNext()));
    // reset meanwhile: the answer is stale, and the level as it is now is what to show (nothing once disposed)
    if (generation !== this.generation) return this.disposed ? [] : this.children(filter);
    const failure = awaited ?? this.failure;
    this.failure = undefined;
    return this.filtered(this.rows(failure), filter);
  }

  /** Loads the next page (the first if none is loaded, the failed one after a failure); a no-op when all are. */
  async loadMore(): Promise<void> {
    if (this.loaded?.done) return;
    await (this.loading ?? this.loadNext());
  }

  reset(): void {
    this.generation++;
    this.controller?.abort();
    this.controller = undefined;
    this.loading = undefined;
    this.loaded = undefined;
    this.failure = undefined;
  }

  /** Stops for good, as a reset does, when the tree it belongs to is replaced: a look waiting gets nothing. */
  dispose(): void {
    this.disposed = true;
    this.reset();
  }

  /** Loads the next page into the level; resolves with the failure, if any, as the user should read it. */
  private loadNext(): Promise<string | undefined> {
    const controller = new AbortController();
    this.controller = controller;
    this.failure = undefined;
    const offset = this.loaded?.nextOffset ?? 0;
    const loading = this.source.loadPage(offset, controller.signal).then(page => {
      if (!controller.signal.aborted) this.add(offset, page);
      return undefined;
    }, (error: unknown) => {
      if (controller.signal.aborted) return undefined;
      this.failure = describeError(error);
      return this.failure;
    }).finally(() => {
      if (this.loading === loading) this.loading = undefined;
    });
    this.loading = loading;
    return loading;
  }

  private add(offset: number, page: LevelPage<T>): void {
    const items = mergeById(this.loaded?.items ?? [], page.items);
    // an empty page that claims more would offer Load more for ever
    const done = page.done || !page.items.length;
    this.loaded = { items, nodes: this.source.present(items), nextOffset: offset + page.items.length, total: page.total, done };
  }

  private rows(failure: string | undefined): ExplorerNode[] {
    const loaded = this.loaded;
    if (failure) return [...loaded?.nodes ?? [], new ErrorNode(this.owner, failure)];
    if (!loaded) return [];
    if (!loaded.items.length) return this.source.empty ? [new MessageNode(this.owner, this.source.empty.key, this.source.empty.message)] : [];
    return loaded.done ? loaded.nodes : [...loaded.nodes, new LoadMoreNode(this.owner, loaded.items.length, loaded.total)];
  }

  private filtered(rows: ExplorerNode[], filter: string | undefined): ExplorerNode[] {
    if (!filter) return rows;
    const wanted = filter.toLocaleLowerCase();
    const kept = rows.filter(row => !row.dataId || String(row.treeItem().label).toLocaleLowerCase().includes(wanted));
    return kept.length ? kept : [new MessageNode(this.owner, 'no-match', `Nothing here matches "${filter}".`)];
  }
}
