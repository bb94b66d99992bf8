// The `vscode` module for unit tests: vitest resolves `vscode` to this file (vitest.config.mts), so src/vscode runs without a workbench.
// Messages and pickers answer "dismissed" unless a test sets an answer; everything shown is recorded.
import { stat } from 'node:fs/promises';
import { vi } from 'vitest';
import { URI, Utils } from 'vscode-uri';

type Listener<T> = (event: T) => unknown;

export class EventEmitter<T> {
  private listeners = new Set<Listener<T>>();
  readonly event = (listener: Listener<T>) => {
    this.listeners.add(listener);
    return { dispose: () => { this.listeners.delete(listener); } };
  };

  fire(event: T): void {
    for (const listener of [...this.listeners]) listener(event);
  }

  dispose(): void {
    this.listeners.clear();
  }
}

export class Disposable {
  constructor(private readonly onDispose: () => void) {}
  static from(...items: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => items.forEach(item => item.dispose()));
  }
  dispose(): void {
    this.onDispose();
  }
}

export class CancellationError extends Error {
  constructor() {
    super('Canceled');
    this.name = 'CancellationError';
  }
}

export const ProgressLocation = { SourceControl: 1, Window: 10, Notification: 15 };
export const QuickPickItemKind = { Separator: -1, Default: 0 };

/** What the extension showed, newest last. */
export const shown: { kind: string; message: string; items?: unknown[] }[] = [];

export const window = {
  showInformationMessage: vi.fn(async (message: string) => { shown.push({ kind: 'info', message }); return undefined; }),
  showWarningMessage: vi.fn(async (message: string) => { shown.push({ kind: 'warning', message }); return undefined; }),
  showErrorMessage: vi.fn(async (message: string) => { shown.push({ kind: 'error', message }); return undefined; }),
  showQuickPick: vi.fn(async (items: unknown[]) => { shown.push({ kind: 'quickPick', message: '', items: await items }); return undefined; }),
  setStatusBarMessage: vi.fn(() => ({ dispose() {} })),
  withProgress: vi.fn(async (_options: unknown, task: (progress: unknown, token: unknown) => Promise<unknown>) =>
    task({ report() {} }, { isCancellationRequested: false, onCancellationRequested: () => ({ dispose() {} }) })),
  showSaveDialog: vi.fn(async (_options: unknown): Promise<unknown> => undefined),
  showTextDocument: vi.fn(async (document: unknown) => ({ document })),
  /** The open panels' tabs, in one group. */
  tabGroups: {
    get all() { return [{ tabs: panels.filter(p => !p.disposed).map(p => ({ label: p.title, input: new TabInputWebview(`mainThreadWebview-${p.viewType}`) })) }]; },
    onDidChangeTabs: new EventEmitter<unknown>().event,
  },
  /** A quick pick a test answers: it is shown (listed in `quickPicks`) and waits for the test's `accept` or `hide`. */
  createQuickPick: vi.fn(() => new FakeQuickPick()),
  /** Every panel created, newest last (see FakeWebviewPanel). */
  createWebviewPanel: vi.fn((viewType: string, title: string, showOptions: unknown, options: unknown) => {
    const panel = new FakeWebviewPanel(viewType, title, showOptions, options);
    panels.push(panel);
    return panel;
  }),
};

/** A webview panel: records the HTML set and the messages posted; a test sends what the page would with `receive`. */
export class FakeWebviewPanel {
  readonly posted: unknown[] = [];
  readonly reveals: unknown[] = [];
  visible = true;
  disposed = false;
  private readonly received = new EventEmitter<unknown>();
  private readonly viewState = new EventEmitter<{ webviewPanel: FakeWebviewPanel }>();
  private readonly disposing = new EventEmitter<void>();
  readonly webview = {
    html: '',
    options: {} as unknown,
    cspSource: 'https://*.vscode-cdn.net',
    /** As VS Code maps a local file for a webview. */
    asWebviewUri: (uri: URI) => URI.from({ scheme: 'https', authority: `${uri.scheme}+.vscode-resource.vscode-cdn.net`, path: uri.path }),
    postMessage: vi.fn(async (message: unknown) => { this.posted.push(message); return true; }),
    onDidReceiveMessage: this.received.event,
  };
  readonly onDidChangeViewState = this.viewState.event;
  readonly onDidDispose = this.disposing.event;
  constructor(readonly viewType: string, public title: string, readonly showOptions: unknown, readonly options: unknown) {
    this.webview.options = options;
  }
  reveal(column?: unknown): void { this.reveals.push(column); }
  /** What the page's script posts. */
  receive(message: unknown): void { this.received.fire(message); }
  setVisible(visible: boolean): void { this.visible = visible; this.viewState.fire({ webviewPanel: this }); }
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.disposing.fire();
  }
}

export const panels: FakeWebviewPanel[] = [];

export class TabInputWebview {
  constructor(readonly viewType: string) {}
}

export class FakeQuickPick<T = unknown> {
  title?: string;
  placeholder?: string;
  matchOnDescription = false;
  matchOnDetail = false;
  items: readonly T[] = [];
  activeItems: readonly T[] = [];
  selectedItems: readonly T[] = [];
  private readonly accepted = new EventEmitter<void>();
  private readonly hidden = new EventEmitter<void>();
  readonly onDidAccept = this.accepted.event;
  readonly onDidHide = this.hidden.event;
  show(): void { quickPicks.push(this as FakeQuickPick); }
  /** The user accepts an item (else the active one). */
  accept(item?: T): void {
    if (item !== undefined) this.selectedItems = [item];
    this.accepted.fire();
  }
  hide(): void { this.hidden.fire(); }
  dispose(): void {}
}

/** The quick picks shown (createQuickPick), newest last. */
export const quickPicks: FakeQuickPick[] = [];
export const ViewColumn = { Active: -1, Beside: -2, One: 1, Two: 2 };

/** The clipboard; `text` is what was written last. */
export const env = {
  clipboard: { text: '', writeText: vi.fn(async (text: string) => { env.clipboard.text = text; }), readText: async () => env.clipboard.text },
};

export const commands = {
  executeCommand: vi.fn(async () => undefined),
  registerCommand: vi.fn((_id: string, _handler: unknown) => ({ dispose() {} })),
};

/** The user's settings (application scope) as VS Code's `inspect` reports them; change them with `changeSettings`. */
const userSettings: Record<string, unknown> = {};
const configurationChanged = new EventEmitter<{ affectsConfiguration(section: string): boolean }>();

export const workspace = {
  getConfiguration: () => ({
    inspect: (section: string) => section === 'bimlink' ? { key: 'bimlink', globalValue: { ...userSettings } } : undefined,
    get: (key: string, fallback: unknown) => userSettings[key.replace(/^bimlink\./, '')] ?? fallback,
  }),
  onDidChangeConfiguration: configurationChanged.event,
  /** The disk, as the extension host's file system sees it. */
  fs: { stat: vi.fn((uri: { fsPath: string }) => stat(uri.fsPath)) },
  openTextDocument: vi.fn(async (uri: unknown) => ({ uri })),
};

/** Sets (or, with undefined, removes) BIMlink settings as the user would, and fires the configuration change. */
export function changeSettings(values: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) delete userSettings[key];
    else userSettings[key] = value;
  }
  configurationChanged.fire({ affectsConfiguration: section => section === 'bimlink' || Object.keys(values).some(key => `bimlink.${key}`.startsWith(section)) });
}

/** An in-memory Memento (globalState). */
export class MemoryMemento {
  private readonly values = new Map<string, unknown>();
  keys(): readonly string[] { return [...this.values.keys()]; }
  get<T>(key: string, fallback?: T): T | undefined { return this.values.has(key) ? this.values.get(key) as T : fallback; }
  async update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, value);
  }
  setKeysForSync(): void {}
}

/** An in-memory SecretStorage for one window. */
export class MemorySecretStorage {
  readonly values = new Map<string, string>();
  private readonly changed = new EventEmitter<{ key: string }>();
  readonly onDidChange = this.changed.event;
  async get(key: string): Promise<string | undefined> { return this.values.get(key); }
  async keys(): Promise<string[]> { return [...this.values.keys()]; }
  async store(key: string, value: string): Promise<void> { this.values.set(key, value); this.changed.fire({ key }); }
  async delete(key: string): Promise<void> { this.values.delete(key); this.changed.fire({ key }); }
}

/** VS Code's Uri, with its `joinPath` (vscode-uri keeps that in `Utils`). */
export const Uri = Object.assign(URI, { joinPath: (base: URI, ...parts: string[]) => Utils.joinPath(base, ...parts) });
export type Uri = URI;

export const TreeItemCollapsibleState = { None: 0, Collapsed: 1, Expanded: 2 };

export class TreeItem {
  id?: string;
  iconPath?: unknown;
  contextValue?: string;
  description?: string | boolean;
  tooltip?: unknown;
  command?: { command: string; title: string; arguments?: unknown[] };
  constructor(public label: string | { label: string }, public collapsibleState = TreeItemCollapsibleState.None) {}
}

export class ThemeIcon {
  constructor(readonly id: string) {}
}

export class MarkdownString {
  supportHtml = false;
  supportThemeIcons = false;
  isTrusted = false;
  constructor(public value = '') {}
}

/** Editor positions and ranges, as the providers of src/vscode/references build them (line and character, 0-based). */
export class Position {
  constructor(readonly line: number, readonly character: number) {}
  isBefore(other: Position): boolean { return this.line < other.line || (this.line === other.line && this.character < other.character); }
}

export class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(start: Position | number, end: Position | number, endLine?: number, endCharacter?: number) {
    this.start = typeof start === 'number' ? new Position(start, end as number) : start;
    this.end = typeof start === 'number' ? new Position(endLine!, endCharacter!) : end as Position;
  }
  contains(position: Position): boolean { return !position.isBefore(this.start) && !this.end.isBefore(position); }
}

export class Location {
  readonly range: Range;
  constructor(readonly uri: unknown, rangeOrPosition: Range | Position) {
    this.range = rangeOrPosition instanceof Range ? rangeOrPosition : new Range(rangeOrPosition, rangeOrPosition);
  }
}

export class DocumentLink {
  tooltip?: string;
  constructor(readonly range: Range, readonly target?: unknown) {}
}

export class Hover {
  readonly contents: unknown[];
  constructor(contents: unknown, readonly range?: Range) { this.contents = Array.isArray(contents) ? contents : [contents]; }
}

export const SymbolKind = { File: 0, Module: 1, Namespace: 2, Class: 4, Field: 7, Object: 18, Key: 19 };

export class DocumentSymbol {
  children: DocumentSymbol[] = [];
  constructor(readonly name: string, readonly detail: string, readonly kind: number, readonly range: Range, readonly selectionRange: Range) {}
}

/** Providers registered for a selector: recorded, never called by the fake. */
export const languages = {
  registerDocumentLinkProvider: vi.fn(() => ({ dispose() {} })),
  registerHoverProvider: vi.fn(() => ({ dispose() {} })),
  registerDefinitionProvider: vi.fn(() => ({ dispose() {} })),
  registerReferenceProvider: vi.fn(() => ({ dispose() {} })),
  registerDocumentSymbolProvider: vi.fn(() => ({ dispose() {} })),
};

export const FileType = { Unknown: 0, File: 1, Directory: 2, SymbolicLink: 64 };
export const FilePermission = { Readonly: 1 };

export class FileSystemError extends Error {
  constructor(message: string, readonly code: string) {
    super(message);
  }
  static FileNotFound(message?: string): FileSystemError { return new FileSystemError(message ?? '', 'FileNotFound'); }
  static NoPermissions(message?: string): FileSystemError { return new FileSystemError(message ?? '', 'NoPermissions'); }
  static Unavailable(message?: string): FileSystemError { return new FileSystemError(message ?? '', 'Unavailable'); }
}

/** Forgets what was shown and the calls recorded (answers set with mockImplementationOnce stay until used). */
export function resetFakeVscode(): void {
  shown.length = 0;
  panels.length = 0;
  quickPicks.length = 0;
  env.clipboard.text = '';
  for (const key of Object.keys(userSettings)) delete userSettings[key];
  for (const fn of [...Object.values(window), ...Object.values(commands), env.clipboard.writeText, workspace.openTextDocument]) if (vi.isMockFunction(fn)) fn.mockClear();
}
