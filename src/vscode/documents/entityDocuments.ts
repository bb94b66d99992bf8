import * as vscode from 'vscode';
import { pageSizeFor, type BimlinkClient, type CollectionInfo, type Page, type Entity } from '../../core/api';
import { entityDocumentPath, pageTitle, parseEntityDocumentPath, titleOf, type EntityDocumentRef, type EntityPageRef } from '../../core/model/entityDocument';
import type { Connection } from '../connection';

export const entityScheme = 'bimlink';

/** One page of a collection, rendered as the document shows it. */
export interface LoadedDocument {
  readonly uri: vscode.Uri;
  readonly content: Uint8Array;
  readonly page?: Page<Entity>;
}

/**
 * Loads entity documents: a page of a collection, or one entity, as pretty-printed JSON. Knows the collections the
 * server offers (from its OpenAPI document, once per connection).
 */
export class EntityDocuments {
  private collections: Promise<CollectionInfo[]> | undefined;

  constructor(private readonly connection: Connection) {
    connection.onDidChange(() => { this.collections = undefined; });
  }

  client(): BimlinkClient {
    const state = this.connection.state;
    if (state.kind !== 'signedIn') throw new Error('Sign in to BIMlink to load entity documents.');
    return state.client;
  }

  pageSize(): number {
    const state = this.connection.state;
    return state.kind === 'signedIn' ? state.pageSize : 100;
  }

  listCollections(signal?: AbortSignal): Promise<CollectionInfo[]> {
    if (!this.collections) {
      const loading = this.client().discoverCollections({ signal });
      this.collections = loading;
      loading.catch(() => { if (this.collections === loading) this.collections = undefined; });
    }
    return this.collections;
  }

  /** The page size for a collection: the setting, within the server's maximum. */
  async limitFor(collection: string): Promise<number> {
    const info = (await this.listCollections()).find(c => c.name === collection);
    return pageSizeFor(info, this.pageSize());
  }

  /** The largest page the server serves for a collection: what a full read (an export) asks for. */
  async maxLimitFor(collection: string): Promise<number> {
    const info = (await this.listCollections()).find(c => c.name === collection);
    return pageSizeFor(info, info?.maxLimit ?? this.pageSize());
  }

  /** Loads what a document address names. The address's title is rebuilt from what the server now says. */
  async load(ref: EntityDocumentRef, storeyName: string | undefined, signal: AbortSignal): Promise<LoadedDocument> {
    const client = this.client();
    const scope = { domainAccountId: ref.domainAccountId, projectPhaseId: ref.projectPhaseId, collection: ref.collection };
    if (ref.kind === 'entity') {
      const entity = await client.getEntity(scope, ref.entityId, { signal });
      const uri = documentUri(ref, `${ref.collection} · ${ref.entityId}`);
      return { uri, content: render({ collection: ref.collection, domainAccountId: ref.domainAccountId, projectPhaseId: ref.projectPhaseId, entity }) };
    }
    const page = await client.getEntityPage({ ...scope, storeyId: ref.storeyId }, { offset: ref.offset, limit: ref.limit }, { signal });
    const uri = documentUri({ ...ref, limit: page.limit }, pageTitle(ref.collection, storeyName, ref.offset, page.items.length, page.total));
    return {
      uri,
      page,
      content: render({
        collection: ref.collection,
        domainAccountId: ref.domainAccountId,
        projectPhaseId: ref.projectPhaseId,
        ...(ref.storeyId ? { storey: { id: ref.storeyId, ...(storeyName ? { name: storeyName } : {}) } } : {}),
        page: { offset: ref.offset, limit: page.limit, count: page.items.length, total: page.total ?? null },
        items: page.items,
      }),
    };
  }
}

export function documentUri(ref: EntityDocumentRef, title: string): vscode.Uri {
  return vscode.Uri.from({ scheme: entityScheme, path: entityDocumentPath(ref, title) });
}

/** The page a document shows, when it is a page document. */
export function pageRefOf(uri: vscode.Uri | undefined): EntityPageRef | undefined {
  if (uri?.scheme !== entityScheme) return undefined;
  try {
    const ref = parseEntityDocumentPath(uri.path);
    return ref.kind === 'page' ? ref : undefined;
  } catch {
    return undefined;
  }
}

/** The storey name a page title carries (collection · storey · range), for the next page's title. */
export function storeyNameOf(uri: vscode.Uri): string | undefined {
  const parts = titleOf(uri.path).split(' · ');
  return parts.length === 3 ? parts[1] : undefined;
}

function render(value: unknown): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);
}
