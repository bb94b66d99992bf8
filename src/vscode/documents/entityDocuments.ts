import * as vscode from 'vscode';
import { pageSizeFor, type BimlinkClient, type CollectionInfo, type Page, type Entity } from '../../core/api';
import {
  entityDocumentPath, maxLimit, pageStateQuery, pageTitle, parseEntityDocumentPath, parsePageState, type EntityDocumentRef, type EntityPageRef,
  type PageState, type SingleEntityRef,
} from '../../core/model/entityDocument';
import type { EntityLookup } from '../../core/references/entityLookup';
import type { Connection } from '../connection/connection';
import { lookUpWithProgress } from '../references/lookupProgress';

export const entityScheme = 'bimlink';

/** One page of a collection, rendered as the document shows it. */
export interface LoadedDocument {
  readonly uri: vscode.Uri;
  readonly content: Uint8Array;
  readonly page?: Page<Entity>;
}

/**
 * Loads entity documents: a page of a collection, or one entity, as pretty-printed JSON. Entities are shown exactly as
 * the server sent them; what the document adds (collection, storey, page) stands beside them. The collections come
 * from the client (the server's OpenAPI document, else the built-in list, with the bimlink.collections setting).
 */
export class EntityDocuments {
  /**
   * `lookupFor` gives the signed-in client's EntityLookup (src/vscode/references): with it, an entity of a collection
   * the server has no single-entity route for is found in its collection (with progress for a long search).
   */
  constructor(private readonly connection: Connection, private readonly lookupFor?: (client: BimlinkClient) => EntityLookup | undefined) {}

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
    return this.client().discoverCollections({ signal });
  }

  /** The page size for a collection: the setting, within the server's maximum. */
  async limitFor(collection: string): Promise<number> {
    return pageSizeFor(await this.client().collectionInfo(collection), this.pageSize());
  }

  /** The largest page the server serves for a collection: what a full read (an export) asks for. */
  async maxLimitFor(collection: string): Promise<number> {
    const info = await this.client().collectionInfo(collection);
    return pageSizeFor(info, info.maxLimit ?? maxLimit);
  }

  /** Loads what a document address names. The address's title and state are rebuilt from what the server now says. */
  async load(ref: EntityDocumentRef, state: PageState, signal: AbortSignal): Promise<LoadedDocument> {
    const client = this.client();
    const scope = { domainAccountId: ref.domainAccountId, projectPhaseId: ref.projectPhaseId, collection: ref.collection };
    if (ref.kind === 'entity') {
      const lookup = this.lookupFor?.(client);
      const entity = lookup ? await lookUpWithProgress(lookup, scope, ref.entityId, signal) : await client.getEntity(scope, ref.entityId, { signal });
      const uri = entityDocumentUri(ref);
      return { uri, content: render({ collection: ref.collection, domainAccountId: ref.domainAccountId, projectPhaseId: ref.projectPhaseId, entity }) };
    }
    const page = await client.getEntityPage({ ...scope, storeyId: ref.storeyId }, { offset: ref.offset, limit: ref.limit, knownTotal: state.total }, { signal });
    const { storeyName } = state;
    const uri = documentUri({ ...ref, limit: page.limit }, pageTitle(ref.collection, storeyName, ref.offset, page.items.length, page.total),
      { total: page.total, storeyName });
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

export function documentUri(ref: EntityDocumentRef, title: string, state: PageState = {}): vscode.Uri {
  return vscode.Uri.from({ scheme: entityScheme, path: entityDocumentPath(ref, title), query: pageStateQuery(state) });
}

/** A single entity's document: the address a reference's link, Go to Definition and Open Entity all open. */
export function entityDocumentUri(ref: SingleEntityRef): vscode.Uri {
  return documentUri(ref, `${ref.collection} · ${ref.entityId}`);
}

/** The page a document shows, when it is a page document, with what it knows (total, storey name). */
export function pageOf(uri: vscode.Uri | undefined): { ref: EntityPageRef; state: PageState } | undefined {
  if (uri?.scheme !== entityScheme) return undefined;
  try {
    const ref = parseEntityDocumentPath(uri.path);
    return ref.kind === 'page' ? { ref, state: parsePageState(uri.query) } : undefined;
  } catch {
    return undefined;
  }
}

function render(value: unknown): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);
}
