// The services of issue 18 for the signed-in client: one ReferenceTable, one EntityLookup and one EntityResolver per
// client (a client is one server and one user; they are never shared across users). Built on first use, so
// activation costs nothing; dropped when the connection changes; forgotten on the explorer's Refresh. Every provider
// of this folder reads a document through `scanOf`, which keeps the last scans by document version.
import * as vscode from 'vscode';
import type { BimlinkClient, PhaseScope } from '../../core/api';
import { routes } from '../../core/api/routes';
import { isPlausibleId, parseEntityDocumentPath } from '../../core/model/entityDocument';
import { scanEntityDocument, type ScannedDocument } from '../../core/references/documentScan';
import { EntityLookup } from '../../core/references/entityLookup';
import { EntityResolver } from '../../core/references/entityResolver';
import { ReferenceTable } from '../../core/references/referenceTable';
import { SharedWork } from '../../core/references/sharedWork';
import type { Connection } from '../connection/connection';

/** What the providers work with, for one signed-in client. */
export interface ReferenceTools {
  readonly client: BimlinkClient;
  readonly lookup: EntityLookup;
  readonly resolver: EntityResolver;
}

/** A scanned `bimlink:` document: its phase (validated), what it holds, and the tools of the client that reads it. */
export interface DocumentReferences {
  readonly tools: ReferenceTools;
  readonly table: ReferenceTable;
  readonly scope: PhaseScope;
  readonly scan: ScannedDocument;
}

interface ClientServices extends ReferenceTools {
  table?: SharedWork<ReferenceTable>;
}

const keptScans = 8;

export class ReferenceServices implements vscode.Disposable {
  private current: ClientServices | undefined;
  private readonly scans = new Map<string, { version: number; table: ReferenceTable; scan: ScannedDocument }>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly connection: Pick<Connection, 'state' | 'onDidChange'>) {
    this.subscription = connection.onDidChange(() => this.drop());
  }

  /** The tools of the signed-in client; undefined when signed out. */
  tools(): ReferenceTools | undefined {
    const state = this.connection.state;
    if (state.kind !== 'signedIn') return undefined;
    if (this.current?.client !== state.client) {
      this.drop();
      const lookup = new EntityLookup(state.client);
      this.current = { client: state.client, lookup, resolver: new EntityResolver(state.client, { lookup }) };
    }
    return this.current;
  }

  /** The lookup of this client (for single-entity documents), when it is the signed-in one. */
  lookupFor(client: BimlinkClient): EntityLookup | undefined {
    const tools = this.tools();
    return tools?.client === client ? tools.lookup : undefined;
  }

  /** The reference table of the signed-in client, read once (a failed or cancelled read is not kept). */
  async table(signal?: AbortSignal): Promise<ReferenceTable | undefined> {
    const tools = this.tools();
    const services = this.current;
    if (!tools || !services) return undefined;
    if (!services.table?.live) services.table = new SharedWork(s => ReferenceTable.of(tools.client, { signal: s }));
    return services.table.wait(signal, { method: 'GET', path: routes.openApiDocument() });
  }

  /** A `bimlink:` document's references, own ids and entities; undefined when signed out or when it names no phase. */
  async scanOf(document: vscode.TextDocument, signal?: AbortSignal): Promise<DocumentReferences | undefined> {
    const tools = this.tools();
    const table = tools && await this.table(signal);
    if (!tools || !table) return undefined;
    const key = document.uri.toString();
    let kept = this.scans.get(key);
    if (kept?.version !== document.version || kept.table !== table) {
      kept = { version: document.version, table, scan: scanEntityDocument(document.getText(), table) };
      this.scans.delete(key);
      this.scans.set(key, kept);
      while (this.scans.size > keptScans) this.scans.delete(this.scans.keys().next().value!);
    }
    const scope = scopeOf(document.uri, kept.scan);
    return scope && { tools, table, scope, scan: kept.scan };
  }

  /** Forgets what was resolved and found in a phase, or everywhere (the explorer's Refresh; then the table is read again too). */
  forget(scope?: PhaseScope): void {
    this.current?.resolver.forget(scope); // forgets its lookup too
    if (!scope && this.current) this.current.table = undefined;
  }

  dispose(): void {
    this.subscription.dispose();
    this.drop();
  }

  private drop(): void {
    this.current?.resolver.forget();
    this.current = undefined;
    this.scans.clear();
  }
}

/**
 * The phase a document belongs to: its address's when it is an entity document (validated when parsed), else the
 * phase its text names (a list of references the extension rendered), with ids that pass the same checks.
 */
function scopeOf(uri: vscode.Uri, scan: ScannedDocument): PhaseScope | undefined {
  try {
    const ref = parseEntityDocumentPath(uri.path);
    return { domainAccountId: ref.domainAccountId, projectPhaseId: ref.projectPhaseId };
  } catch {
    const { domainAccountId, projectPhaseId } = scan;
    return isPlausibleId(domainAccountId) && isPlausibleId(projectPhaseId) ? { domainAccountId, projectPhaseId } : undefined;
  }
}

/** A CancellationToken as an AbortSignal, for the core's calls. */
export function signalOf(token: vscode.CancellationToken): AbortSignal {
  const controller = new AbortController();
  if (token.isCancellationRequested) controller.abort();
  else token.onCancellationRequested(() => controller.abort());
  return controller.signal;
}
