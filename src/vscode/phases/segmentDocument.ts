// A segment of the overview's bar as a document: the storey's objects of the segment's IFC classes. The server
// cannot filter by IFC class, so the storey's objects are streamed (for the bar of objects on no storey, or on one
// the structure does not hold, the whole phase's) and filtered here; at most 5,000 are listed, as Find References does.
import * as vscode from 'vscode';
import type { BimlinkClient, Entity, PhaseScope } from '../../core/api';
import { idKey } from '../../core/api/ids';
import { NO_IFC_CLASS, ObjectFactsReader } from '../../core/phases/objectFacts';
import { OBJECTS, type StoreyBar } from '../../core/phases/phaseOverview';
import { literalText } from '../../core/text/untrustedText';
import { countProgress } from '../feedback/countProgress';
import { renderedDocumentUri, type EntityFileSystem } from '../documents/entityFileSystem';

export const maxListed = 5000;
let serial = 0;

export interface SegmentSource {
  readonly client: BimlinkClient;
  readonly files: Pick<EntityFileSystem, 'serve'>;
  /** The page size to read with (the server's largest for the objects). */
  readonly limit?: number;
}

export interface SegmentDocument {
  readonly uri: vscode.Uri;
  readonly count: number;
  readonly listed: number;
}

/** Reads and renders the objects of a bar of these IFC classes (with a cancellable progress notification), and opens them. */
export async function openSegmentDocument(source: SegmentSource, scope: PhaseScope, bar: StoreyBar, ifcTypes: readonly string[], label: string): Promise<SegmentDocument> {
  const classes = new Set(ifcTypes);
  const reader = new ObjectFactsReader();
  const onServer = bar.inStructure; // else (no storey, or one the structure does not hold) the server cannot filter by it
  const onBar = (entity: Entity): boolean => {
    const facts = reader.read(entity);
    if (!classes.has(facts.ifcType ?? NO_IFC_CLASS)) return false;
    if (onServer) return true;
    return bar.storeyId === undefined ? facts.storeyId === undefined : facts.storeyId !== undefined && idKey(facts.storeyId) === idKey(bar.storeyId);
  };
  const items: Entity[] = [];
  let count = 0;
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, cancellable: true,
    title: literalText(`Finding ${label} on ${bar.name}…`) }, async (progress, token) => {
    const controller = new AbortController();
    token.onCancellationRequested(() => controller.abort());
    let read = 0;
    const report = countProgress(progress);
    const pages = source.client.entityPages({ ...scope, collection: OBJECTS, ...(onServer ? { storeyId: bar.storeyId } : {}) },
      { ...(source.limit !== undefined ? { limit: source.limit } : {}), signal: controller.signal });
    for await (const page of pages) {
      if (token.isCancellationRequested) throw new vscode.CancellationError();
      for (const entity of page.items) {
        if (!onBar(entity)) continue;
        count++;
        if (items.length < maxListed) items.push(entity);
      }
      read += page.items.length;
      report(read, page.total, counted => `${count.toLocaleString('en')} found · ${counted} objects read`);
    }
    if (token.isCancellationRequested) throw new vscode.CancellationError();
  });
  const value = {
    collection: OBJECTS, domainAccountId: scope.domainAccountId, projectPhaseId: scope.projectPhaseId,
    storey: { id: bar.storeyId ?? null, name: bar.name },
    ifcTypes: [...ifcTypes],
    count,
    ...(count > items.length ? { note: `Only the first ${items.length.toLocaleString('en')} of ${count.toLocaleString('en')} objects are listed.` } : {}),
    items,
  };
  const uri = renderedDocumentUri(`${Date.now().toString(36)}-phase-${++serial}`, `${label} on ${bar.name} (${count.toLocaleString('en')})`);
  source.files.serve(uri, new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`));
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { preview: true });
  return { uri, count, listed: items.length };
}
