import * as vscode from 'vscode';
import { EntityDocumentPathError, parseEntityDocumentPath, parsePageState, titleOf } from '../../core/model/entityDocument';
import { literalText } from '../../core/text/untrustedText';
import { describeError } from '../feedback/errorMessages';
import type { EntityDocuments } from './entityDocuments';

/**
 * The read-only `bimlink:` file system: each file is a page of a BIM collection (or one entity) as JSON. Pages that a
 * command just loaded are served from memory; anything else — a tab restored after a reload — is loaded on demand,
 * and closing its tab while it loads cancels the request. A failure is thrown as "unavailable", which VS Code shows
 * in the editor with the message and a Try Again button.
 */
export class EntityFileSystem implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly recent = new Map<string, Uint8Array>();
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;

  constructor(private readonly documents: EntityDocuments, private readonly log: vscode.LogOutputChannel) {}

  /** Keeps a just-loaded document so that opening it costs no second request. */
  remember(uri: vscode.Uri, content: Uint8Array): void {
    this.recent.delete(uri.toString());
    this.recent.set(uri.toString(), content);
    while (this.recent.size > 20) this.recent.delete(this.recent.keys().next().value!);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    this.refOf(uri);
    return { type: vscode.FileType.File, ctime: 0, mtime: 0, size: this.recent.get(uri.toString())?.byteLength ?? 0, permissions: vscode.FilePermission.Readonly };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const kept = this.recent.get(uri.toString());
    if (kept) return kept;
    const ref = this.refOf(uri);
    const controller = new AbortController();
    const closing = vscode.window.tabGroups.onDidChangeTabs(({ closed }) => {
      if (closed.some(tab => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri.toString())) controller.abort();
    });
    try {
      const loaded = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Loading BIMlink entities…' },
        () => this.documents.load(ref, parsePageState(uri.query), controller.signal));
      this.remember(uri, loaded.content);
      return loaded.content;
    } catch (error) {
      const message = controller.signal.aborted ? 'The load was cancelled.' : describeError(error);
      this.log.warn(`Loading ${titleOf(uri.path)} failed: ${message}`);
      throw vscode.FileSystemError.Unavailable(literalText(message)); // VS Code may show it in a notification
    } finally {
      closing.dispose();
    }
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined); // the server offers no change events
  }

  readDirectory(): never {
    throw vscode.FileSystemError.NoPermissions('BIMlink entity documents are single pages; there is no folder to list.');
  }

  createDirectory(): never {
    throw readOnly();
  }

  writeFile(): never {
    throw readOnly();
  }

  delete(): never {
    throw readOnly();
  }

  rename(): never {
    throw readOnly();
  }

  dispose(): void {
    this.changed.dispose();
  }

  private refOf(uri: vscode.Uri) {
    try {
      return parseEntityDocumentPath(uri.path);
    } catch (error) {
      if (error instanceof EntityDocumentPathError) throw vscode.FileSystemError.FileNotFound(error.message);
      throw error;
    }
  }
}

function readOnly(): vscode.FileSystemError {
  return vscode.FileSystemError.NoPermissions('BIMlink entity documents are read-only: they show data from the BIMlink API.');
}
