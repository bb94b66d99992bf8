// Test support for the providers of src/vscode/references: an emulator dialect with a signed-in client (see
// test/unit/references/support/dialectSessions.ts), the extension's own services, entity documents and file system
// over it, and text documents holding what the extension renders, through the fake vscode module.
import * as vscode from 'vscode';
import type { Entity } from '../../../../src/core/api';
import type { EntityDocumentRef } from '../../../../src/core/model/entityDocument';
import type { Connection } from '../../../../src/vscode/connection/connection';
import { EntityDocuments } from '../../../../src/vscode/documents/entityDocuments';
import { EntityFileSystem } from '../../../../src/vscode/documents/entityFileSystem';
import { ReferenceServices } from '../../../../src/vscode/references/referenceServices';
import { recordingLog } from '../../commands/support/recordingLog';
import { startSession, type DialectSession } from '../../references/support/dialectSessions';

export interface ProviderSession extends DialectSession {
  readonly services: ReferenceServices;
  readonly documents: EntityDocuments;
  readonly files: EntityFileSystem;
  /** A field of an entity as this dialect spells it. */
  field(entity: Entity, name: string): string;
}

export async function startProviderSession(...args: Parameters<typeof startSession>): Promise<ProviderSession> {
  const session = await startSession(...args);
  const connection = { state: { kind: 'signedIn', client: session.client, pageSize: 100 }, onDidChange: () => ({ dispose() {} }) } as unknown as Connection;
  const services = new ReferenceServices(connection);
  const documents = new EntityDocuments(connection, client => services.lookupFor(client));
  const files = new EntityFileSystem(documents, recordingLog());
  return { ...session, services, documents, files, field: (entity, name) => String(entity[session.spelling.key(name)]) };
}

/** A text document as VS Code hands one to a provider (UTF-16 offsets, `\n` line ends). */
export function textDocument(uri: vscode.Uri, text: string): vscode.TextDocument {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return {
    uri, version: 1, getText: () => text,
    positionAt: (offset: number) => {
      let line = starts.length - 1;
      while (starts[line]! > offset) line--;
      return new vscode.Position(line, offset - starts[line]!);
    },
    offsetAt: (position: vscode.Position) => starts[position.line]! + position.character,
  } as unknown as vscode.TextDocument;
}

/** Loads a document as the extension does (EntityDocuments.load), as the editor would hold it. */
export async function openDocument(session: ProviderSession, ref: EntityDocumentRef, storeyName?: string): Promise<vscode.TextDocument> {
  const loaded = await session.documents.load(ref, storeyName ? { storeyName } : {}, new AbortController().signal);
  return textDocument(loaded.uri, new TextDecoder().decode(loaded.content));
}

/** Reads a document the extension serves (a list of references) through its file system. */
export async function servedDocument(session: ProviderSession, uri: vscode.Uri): Promise<vscode.TextDocument> {
  return textDocument(uri, new TextDecoder().decode(await session.files.readFile(uri)));
}

/** A CancellationToken whose source the test holds. */
export function cancellation(): { token: vscode.CancellationToken; cancel(): void } {
  const listeners = new Set<() => void>();
  let cancelled = false;
  return {
    token: {
      get isCancellationRequested() { return cancelled; },
      onCancellationRequested: (listener: () => void) => { listeners.add(listener); return { dispose: () => listeners.delete(listener) }; },
    } as unknown as vscode.CancellationToken,
    cancel: () => { cancelled = true; listeners.forEach(l => l()); },
  };
}

/** The position in the middle of a range of a document (where a user would click or hover). */
export function inside(document: vscode.TextDocument, start: number, end: number): vscode.Position {
  return document.positionAt(Math.floor((start + end) / 2));
}
