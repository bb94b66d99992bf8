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
  /** Documents the extension rendered that name no entity document (lists of references), kept while the window lives. */
  private readonly rendered = new Map<string, Uint8Array>();
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;

  constructor(private readonly documents: EntityDocuments, private readonly log: vscode.LogOutputChannel) {}

  /** Keeps a just-loaded document so that opening it costs no second request. */
  remember(uri: vscode.Uri, content: Uint8Array): void {
    this.recent.delete(uri.toString());
    this.recent.set(uri.toString(), content);
    while (this.recent.size > 20) this.recent.delete(this.recent.keys().next().value!);
  }

  /** Serves a document the extension rendered at an address of its own (see renderedDocumentUri), from memory only. */
  serve(uri: vscode.Uri, content: Uint8Array): void {
    this.rendered.delete(uri.toString());
    this.rendered.set(uri.toString(), content);
    while (this.rendered.size > 50) this.rendered.delete(this.rendered.keys().next().value!);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const size = (this.rendered.get(uri.toString()) ?? this.recent.get(uri.toString()))?.byteLength;
    if (!this.rendered.has(uri.toString())) this.refOf(uri);
    return { type: vscode.FileType.File, ctime: 0, mtime: 0, size: size ?? 0, permissions: vscode.FilePermission.Readonly };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const kept = this.rendered.get(uri.toString()) ?? this.recent.get(uri.toString());
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
    if (isRenderedDocumentUri(uri)) throw vscode.FileSystemError.FileNotFound('This list is no longer available: it was shown before VS Code reloaded. Run BIMlink: Find References again.');
    try {
      return parseEntityDocumentPath(uri.path);
    } catch (error) {
      if (error instanceof EntityDocumentPathError) throw vscode.FileSystemError.FileNotFound(error.message);
      throw error;
    }
  }
}

const renderedPrefix = '/references/';

/** An address for a document the extension renders itself (a list of references): outside the entity documents' paths. */
export function renderedDocumentUri(serial: string, title: string): vscode.Uri {
  // eslint-disable-next-line no-control-regex
  const name = title.replace(/[/\\]/g, '∕').replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, 160) || 'references';
  return vscode.Uri.from({ scheme: 'bimlink', path: `${renderedPrefix}${serial}/${name}.json` });
}

function isRenderedDocumentUri(uri: vscode.Uri): boolean {
  return uri.path.startsWith(renderedPrefix) && uri.path.split('/').length === 4; // an entity document's path has seven parts
}

function readOnly(): vscode.FileSystemError {
  return vscode.FileSystemError.NoPermissions('BIMlink entity documents are read-only: they show data from the BIMlink API.');
}
