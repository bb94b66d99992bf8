// The webview panels of the phase overview and comparison: one per phase (or pair), revealed when asked for again.
// A panel keeps no context while hidden: its page asks for its data when it loads (`ready`), and the data is posted
// again whenever the panel is shown. Everything the page posts is untrusted; the panel's owner validates it.
import * as vscode from 'vscode';
import { newNonce, webviewHtml } from './webviewHtml';

export type PanelScript = 'phaseOverview.js' | 'phaseComparison.js';

export interface PanelContent {
  readonly title: string;
  /** What the page draws (plain JSON), posted when it loads and whenever the panel is shown again. */
  readonly state: unknown;
  /** A message the page posted (other than `ready`): untrusted input. */
  readonly onMessage: (message: unknown) => unknown;
}

interface OpenPanel {
  readonly panel: vscode.WebviewPanel;
  content: PanelContent;
}

export class PhasePanels implements vscode.Disposable {
  private readonly open = new Map<string, OpenPanel>();

  constructor(private readonly extensionUri: vscode.Uri) {}

  /** Shows the panel of `key` with this content: the one open, revealed (and drawn anew), else a new one. */
  show(key: string, script: PanelScript, content: PanelContent): vscode.WebviewPanel {
    const kept = this.open.get(key);
    if (kept) {
      kept.content = content;
      kept.panel.title = content.title;
      this.render(kept.panel, script);
      kept.panel.reveal();
      return kept.panel;
    }
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    const panel = vscode.window.createWebviewPanel(`bimlink.${script.replace(/\.js$/, '')}`, content.title, vscode.ViewColumn.Active, {
      enableScripts: true, localResourceRoots: [media], retainContextWhenHidden: false,
    });
    const entry: OpenPanel = { panel, content };
    this.open.set(key, entry);
    const post = () => void panel.webview.postMessage(entry.content.state);
    const subscriptions = [
      panel.webview.onDidReceiveMessage(message => {
        if (isReady(message)) post();
        else return entry.content.onMessage(message);
      }),
      panel.onDidChangeViewState(() => { if (panel.visible) post(); }),
    ];
    panel.onDidDispose(() => {
      if (this.open.get(key) === entry) this.open.delete(key);
      subscriptions.forEach(s => s.dispose());
    });
    this.render(panel, script);
    post(); // the page may be listening already; it asks again with `ready` when it is not
    return panel;
  }

  dispose(): void {
    for (const { panel } of [...this.open.values()]) panel.dispose();
    this.open.clear();
  }

  /** The page skeleton, with a fresh nonce each time it is set. */
  private render(panel: vscode.WebviewPanel, script: PanelScript): void {
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    const { webview } = panel;
    webview.html = webviewHtml({
      cspSource: webview.cspSource,
      nonce: newNonce(),
      scriptUris: ['phaseDom.js', script].map(file => webview.asWebviewUri(vscode.Uri.joinPath(media, file)).toString()),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'phaseView.css')).toString(),
      title: script === 'phaseOverview.js' ? 'BIMlink phase overview' : 'BIMlink phase comparison',
    });
  }
}

/**
 * Resolves once the workbench lists the panel's tab (the tab model reaches the extension host a moment after the
 * panel is created), so a command that shows a panel resolves when it is there; at most `ms` later in any case.
 */
export function tabShown(panel: vscode.WebviewPanel, ms = 3000): Promise<void> {
  const present = () => vscode.window.tabGroups.all.some(group => group.tabs.some(tab =>
    tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(panel.viewType) && tab.label === panel.title));
  if (present()) return Promise.resolve();
  return new Promise(resolve => {
    const done = () => {
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    };
    const timer = setTimeout(done, ms);
    const subscription = vscode.window.tabGroups.onDidChangeTabs(() => { if (present()) done(); });
  });
}

function isReady(message: unknown): boolean {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'ready';
}

