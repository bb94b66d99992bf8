/**
 * Entity documents: where an entity page or a single entity lives in the `bimlink:` scheme. The path names the
 * domain account, phase, collection, optional storey and the page, and ends in a readable `….json` title that VS Code
 * shows on the tab:
 *   /{domainAccountId}/{projectPhaseId}/{collection}/{storeyId | -}/{offset}-{limit}/{title}.json
 *   /{domainAccountId}/{projectPhaseId}/{collection}/entity/{entityId}/{title}.json
 * The path is kept as the tab shows it (VS Code encodes it for the URI string): within a part only `%` and `/` are
 * escaped (%25, %2F), and an id that would read as a marker (`-`, `entity`) or a path step (`.`, `..`) has its first
 * character escaped. Every part is validated when read back: a document URI comes from outside (a restored tab, a
 * link, a user).
 */
export interface EntityPageRef {
  readonly kind: 'page';
  readonly domainAccountId: string;
  readonly projectPhaseId: string;
  readonly collection: string;
  readonly storeyId?: string;
  readonly offset: number;
  readonly limit: number;
}

export interface SingleEntityRef {
  readonly kind: 'entity';
  readonly domainAccountId: string;
  readonly projectPhaseId: string;
  readonly collection: string;
  readonly entityId: string;
}

export type EntityDocumentRef = EntityPageRef | SingleEntityRef;

/** A `bimlink:` path that names no entity document, with what is wrong in words a user understands. */
export class EntityDocumentPathError extends Error {
  constructor(reason: string) {
    super(`This is not a BIMlink entity document address: ${reason}.`);
    this.name = 'EntityDocumentPathError';
  }
}

export const maxOffset = 1_000_000_000;
export const maxLimit = 1000;
/** A collection's name: a path segment (the server's own spelling, e.g. a name typed under "Other collection…"). */
export const collectionPattern = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
const noStorey = '-';
const entityMarker = 'entity';

export function entityDocumentPath(ref: EntityDocumentRef, title: string): string {
  const head = [ref.domainAccountId, ref.projectPhaseId, ref.collection].map(escape);
  const tail = ref.kind === 'page'
    ? [ref.storeyId ? escape(ref.storeyId) : noStorey, `${ref.offset}-${ref.limit}`]
    : [entityMarker, escape(ref.entityId)];
  return `/${[...head, ...tail, `${escape(safeTitle(title))}.json`].join('/')}`;
}

/** Reads a path made by entityDocumentPath; throws EntityDocumentPathError for anything else. */
export function parseEntityDocumentPath(path: string): EntityDocumentRef {
  if (path.length > 4096) throw new EntityDocumentPathError('the address is too long');
  const segments = path.split('/');
  if (segments[0] !== '' || segments.length !== 7) throw new EntityDocumentPathError('it does not have the six parts of one');
  const [, rawDomainAccount, rawPhase, rawCollection, marker, rawPage, file] = segments;
  if (!file.endsWith('.json') || file.length <= '.json'.length) throw new EntityDocumentPathError('it does not end in a .json name');
  decode(file, 'title');
  const domainAccountId = id(rawDomainAccount, 'domain account id');
  const projectPhaseId = id(rawPhase, 'project phase id');
  const collection = decode(rawCollection, 'collection');
  if (!collectionPattern.test(collection)) throw new EntityDocumentPathError(`${JSON.stringify(collection.slice(0, 64))} is not a collection name`); // quoted with escapes: no raw control characters in a message
  if (marker === entityMarker) return { kind: 'entity', domainAccountId, projectPhaseId, collection, entityId: id(rawPage, 'entity id') };
  const page = /^(\d{1,10})-(\d{1,4})$/.exec(rawPage);
  if (!page) throw new EntityDocumentPathError('the page must read <offset>-<limit>, for example 0-100');
  const offset = Number(page[1]);
  const limit = Number(page[2]);
  if (offset > maxOffset) throw new EntityDocumentPathError(`the offset may be at most ${maxOffset.toLocaleString('en')}`);
  if (limit < 1 || limit > maxLimit) throw new EntityDocumentPathError(`the page size must be from 1 to ${maxLimit}`);
  const storeyId = marker === noStorey ? undefined : id(marker, 'storey id');
  return { kind: 'page', domainAccountId, projectPhaseId, collection, ...(storeyId ? { storeyId } : {}), offset, limit };
}

/**
 * What a page document knows beyond its address: the total an earlier page told (a server may leave it out of later
 * pages) and the storey's name. It travels in the URI's query (`total=400&storey=00%20Begane%20grond`), so the
 * next page knows it and the title is only ever rendered from it, never read back.
 */
export interface PageState {
  readonly total?: number;
  readonly storeyName?: string;
}

export function pageStateQuery(state: PageState): string {
  const params = new URLSearchParams();
  if (state.total !== undefined) params.set('total', String(state.total));
  if (state.storeyName) params.set('storey', state.storeyName);
  return params.toString();
}

/** Reads a page state back; anything odd (it comes from outside, like the path) is left out. */
export function parsePageState(query: string): PageState {
  const params = new URLSearchParams(query);
  const total = params.get('total');
  const storeyName = params.get('storey');
  return {
    ...(total !== null && /^\d{1,13}$/.test(total) ? { total: Number(total) } : {}),
    // eslint-disable-next-line no-control-regex
    ...(storeyName && storeyName.length <= 256 && !/[\u0000-\u001f\u007f]/.test(storeyName) ? { storeyName } : {}),
  };
}

/** The title shown on the tab for a page: `objectinstances · 00 Begane grond · 1–100 of 12,345`. */
export function pageTitle(collection: string, storeyName: string | undefined, offset: number, count: number, total: number | undefined): string {
  const range = count ? `${(offset + 1).toLocaleString('en')}–${(offset + count).toLocaleString('en')}` : `none from ${(offset + 1).toLocaleString('en')}`;
  const of = total === undefined ? '' : ` of ${total.toLocaleString('en')}`;
  return [collection, storeyName, `${range}${of}`].filter(Boolean).join(' · ');
}

/** The title a document path ends in (without `.json`), as the tab shows it. */
export function titleOf(path: string): string {
  const file = path.slice(path.lastIndexOf('/') + 1).replace(/\.json$/, '');
  return invalidEscape.test(file) ? file : unescape(file);
}

/** Escapes what would break a path part or be read as something else; the rest stays as the tab shows it. */
function escape(part: string): string {
  const escaped = part.replace(/%/g, '%25').replace(/\//g, '%2F');
  return reservedParts.has(escaped) ? `%${escaped.charCodeAt(0).toString(16).toUpperCase()}${escaped.slice(1)}` : escaped;
}

const reservedParts = new Set([noStorey, entityMarker, '.', '..']);
/** A `%` that does not start an escaped ASCII character. */
const invalidEscape = /%(?![0-7][0-9a-f])/i;
const unescape = (part: string): string => part.replace(/%([0-7][0-9a-f])/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

function decode(segment: string, what: string): string {
  if (invalidEscape.test(segment)) throw new EntityDocumentPathError(`the ${what} is not properly encoded`);
  return unescape(segment);
}

/** Ids are opaque, but never empty, huge, a path step, or holding control characters. */
export function isPlausibleId(value: unknown): value is string {
  // eslint-disable-next-line no-control-regex
  return typeof value === 'string' && value.length > 0 && value.length <= 256 && value !== '.' && value !== '..' && !/[\u0000-\u001f\u007f]/.test(value);
}

function id(segment: string, what: string): string {
  const value = decode(segment, what);
  if (!isPlausibleId(value)) throw new EntityDocumentPathError(`the ${what} is not valid`);
  return value;
}

/** A title fit for a file name: no path separators or control characters, and not too long. */
function safeTitle(title: string): string {
  // eslint-disable-next-line no-control-regex
  return title.replace(/[/\\]/g, '∕').replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, 160) || 'entities';
}
