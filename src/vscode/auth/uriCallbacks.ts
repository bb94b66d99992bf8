import * as vscode from 'vscode';

/**
 * Receives `vscode://<publisher>.<name>/callback?...` redirects, which VS Code routes to this extension, and hands
 * each to the sign-in attempt waiting for its `state`. A redirect no attempt waits for is ignored.
 */
export class UriCallbacks implements vscode.UriHandler {
  private readonly waiting = new Map<string, (query: URLSearchParams) => void>();

  handleUri(uri: vscode.Uri): void {
    const query = new URLSearchParams(uri.query);
    const state = query.get('state');
    const deliver = state !== null ? this.waiting.get(state) : undefined;
    if (uri.path === '/callback' && deliver) deliver(query);
  }

  /** Resolves with the redirect that carries `state`. Call `dispose` of the returned handle when done. */
  waitFor(state: string): { received: Promise<URLSearchParams>; dispose(): void } {
    let dispose = () => { this.waiting.delete(state); };
    const received = new Promise<URLSearchParams>(resolve => {
      this.waiting.set(state, query => { dispose(); resolve(query); });
    });
    return { received, dispose };
  }
}
