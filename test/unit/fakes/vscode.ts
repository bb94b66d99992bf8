// The `vscode` module for unit tests: vitest resolves `vscode` to this file (vitest.config.mts), so src/vscode runs without a workbench.
// Messages and pickers answer "dismissed" unless a test sets an answer; everything shown is recorded.
import { vi } from 'vitest';

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
};

export const commands = {
  executeCommand: vi.fn(async () => undefined),
  registerCommand: vi.fn((_id: string, _handler: unknown) => ({ dispose() {} })),
};

export const workspace = {
  getConfiguration: () => ({ inspect: () => undefined, get: (_key: string, fallback: unknown) => fallback }),
  onDidChangeConfiguration: () => ({ dispose() {} }),
};

/** Forgets what was shown and the calls recorded (answers set with mockImplementationOnce stay until used). */
export function resetFakeVscode(): void {
  shown.length = 0;
  for (const fn of [...Object.values(window), ...Object.values(commands)]) (fn as ReturnType<typeof vi.fn>).mockClear();
}
