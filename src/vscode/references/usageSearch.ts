// Find usages of an entity: what the cursor is on (an entity's own id, or a reference), a search of every collection
// that can refer to it with a cancellable progress notification, and the matches as `bimlink:` documents the
// extension renders (one per referring collection, served from memory), each match a Location at its name.
import * as vscode from 'vscode';
import type { Entity } from '../../core/api';
import { entityIdOf } from '../../core/api/readDto';
import { scanEntityDocument } from '../../core/references/documentScan';
import { findUsages, type UsageSummary, type UsageTarget } from '../../core/references/findUsages';
import { literalText } from '../../core/text/untrustedText';
import { countProgress } from '../feedback/countProgress';
import { renderedDocumentUri, type EntityFileSystem } from '../documents/entityFileSystem';
import type { DocumentReferences } from './referenceServices';
import { positionsIn } from './textPositions';

/** An entity to find the usages of, with the name to call it by and where the cursor found it. */
export interface UsageQuery extends UsageTarget {
  readonly name: string;
  /** Where its id is in the document the search started from; set when it is the entity's own id. */
  readonly own?: vscode.Range;
}

export interface UsageResults {
  readonly summary: UsageSummary;
  readonly locations: vscode.Location[];
  /** Entities listed in the documents, and those left out beyond `maxShown`. */
  readonly shown: number;
  readonly left: number;
}

const maxShown = 5000;
let serial = 0;

/** The entity whose id is under the cursor: an entity's own id, else the entity a reference names. */
export function usageQueryAt(found: DocumentReferences, document: vscode.TextDocument, position: vscode.Position): UsageQuery | undefined {
  const offset = document.offsetAt(position);
  const own = found.scan.ownIds.find(o => o.start <= offset && offset <= o.end);
  if (own && own.collection) {
    const symbol = found.scan.symbols.find(s => s.range.start <= own.start && own.end <= s.range.end);
    const range = new vscode.Range(document.positionAt(own.start), document.positionAt(own.end));
    return { collection: own.collection, id: own.id, name: symbol?.name ?? own.id, own: range };
  }
  const reference = found.scan.references.find(r => r.start <= offset && offset <= r.end);
  if (!reference) return undefined;
  const resolved = found.tools.resolver.cached(found.scope, reference.target, reference.id);
  return { collection: reference.target, id: reference.id, name: resolved?.label || reference.id };
}

/** Searches with a progress notification (cancellable; `token` cancels too) and renders what it found. */
export async function searchUsages(found: DocumentReferences, query: UsageQuery, files: Pick<EntityFileSystem, 'serve'>,
  token?: vscode.CancellationToken): Promise<UsageResults> {
  const byCollection = new Map<string, Map<string, Entity>>();
  let kept = 0;
  let left = 0;
  const summary = await vscode.window.withProgress({
    location: vscode.ProgressLocation.Notification, cancellable: true, title: literalText(`Finding what refers to ${query.name}…`),
  }, async (progress, progressToken) => {
    const controller = new AbortController();
    for (const t of [token, progressToken]) t?.onCancellationRequested(() => controller.abort());
    if (token?.isCancellationRequested) controller.abort();
    const report = countProgress(progress);
    return findUsages(found.tools.client, found.table, found.scope, query, {
      signal: controller.signal,
      onUsage: usage => {
        let entities = byCollection.get(usage.collection);
        if (!entities) byCollection.set(usage.collection, entities = new Map());
        if (entities.has(usage.id)) return; // one entry per entity, whichever keys hold the id
        if (kept >= maxShown) return void left++;
        entities.set(usage.id, usage.entity);
        kept++;
      },
      onProgress: ({ read, total, found: count }) => report(read, total, counted => `${count.toLocaleString('en')} found · ${counted} entities read`),
    });
  });
  const locations = [...byCollection].filter(([, entities]) => entities.size)
    .flatMap(([collection, entities]) => render(found, query, collection, [...entities.values()], files));
  return { summary, locations, shown: kept, left };
}

/** One referring collection's matches as a document, and a Location at each match's name. */
function render(found: DocumentReferences, query: UsageQuery, collection: string, items: Entity[], files: Pick<EntityFileSystem, 'serve'>): vscode.Location[] {
  const value = {
    collection, domainAccountId: found.scope.domainAccountId, projectPhaseId: found.scope.projectPhaseId,
    referringTo: { collection: query.collection, id: query.id, name: query.name },
    count: items.length,
    items,
  };
  const text = `${JSON.stringify(value, null, 2)}\n`;
  const uri = renderedDocumentUri(`${Date.now().toString(36)}-${++serial}`, `${collection} referring to ${query.name} (${items.length.toLocaleString('en')})`);
  files.serve(uri, new TextEncoder().encode(text));
  const symbols = scanEntityDocument(text, found.table).symbols;
  const positionAt = positionsIn(text);
  return items.map((entity, i) => {
    const at = symbols[i]?.id === entityIdOf(entity) ? symbols[i]!.nameRange : undefined;
    return new vscode.Location(uri, at ? new vscode.Range(positionAt(at.start), positionAt(at.end)) : new vscode.Position(0, 0));
  });
}
