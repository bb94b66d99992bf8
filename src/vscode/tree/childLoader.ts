import { describeError } from '../feedback/errorMessages';
import type { ExplorerNode } from './explorerNode';
import { ErrorNode } from './statusNodes';

/**
 * Loads a node's children once and keeps them until reset. A reset aborts a load under way, so a refresh never
 * waits for (or shows) a stale answer. A failed load becomes an error node with Retry; it is not kept.
 */
export class ChildLoader {
  private loaded: Promise<ExplorerNode[]> | undefined;
  private controller: AbortController | undefined;

  constructor(private readonly owner: ExplorerNode | undefined, private readonly load: (signal: AbortSignal) => Promise<ExplorerNode[]>) {}

  children(): Promise<ExplorerNode[]> {
    if (this.loaded) return this.loaded;
    const controller = new AbortController();
    this.controller = controller;
    const loading = this.load(controller.signal).catch(error => {
      if (this.loaded === loading) this.loaded = undefined; // the next expand or Retry loads again
      if (controller.signal.aborted) return [];
      return [new ErrorNode(this.owner, describeError(error))];
    });
    this.loaded = loading;
    return loading;
  }

  reset(): void {
    this.controller?.abort();
    this.controller = undefined;
    this.loaded = undefined;
  }
}
