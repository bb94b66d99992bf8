// Reads an entity document's text (JSON.stringify(value, null, 2), as src/vscode/documents/entityDocuments.ts renders
// it) in one pass, keeping offsets: every reference value, every entity's own id, and one symbol per entity. Offsets
// are UTF-16 indexes into the text (what a text document's positionAt takes); a string's range is its raw text
// without the quotes, so escapes and any character are exact. The id of an escaped string is its decoded value.
// A page is `{ collection, domainAccountId, projectPhaseId, storey?, page, items: [...] }`, one entity
// `{ collection, domainAccountId, projectPhaseId, entity }`. Text that is no JSON gives what was read before it.
import { fieldNames, normalizeKey, spatialTypeOf } from '../api/fieldNames';
import { IFC_CLASS_KEYS } from './entityLabel';
import { SPATIAL_STRUCTURE, type ReferenceTable } from './referenceTable';

export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/** A reference value: the id of an entity of `target`, under `key`, in the `entity`-th entity (-1: the page's storey). */
export interface ReferenceSpan extends TextRange {
  readonly key: string;
  readonly id: string;
  readonly target: string;
  readonly entity: number;
}

/** An entity's own id (what Find usages starts from). */
export interface OwnIdSpan extends TextRange {
  readonly id: string;
  readonly collection: string;
  readonly entity: number;
}

/** One entity, for the outline: its name (else its id, else its place), IFC type or kind, and ranges. */
export interface EntitySymbol {
  readonly name: string;
  readonly detail?: string;
  readonly id?: string;
  /** The whole entity object, braces included. */
  readonly range: TextRange;
  /** Where the name (or id) value is; the object's start when it has neither. */
  readonly nameRange: TextRange;
}

export interface ScannedDocument {
  readonly collection?: string;
  readonly domainAccountId?: string;
  readonly projectPhaseId?: string;
  readonly references: ReferenceSpan[];
  readonly ownIds: OwnIdSpan[];
  readonly symbols: EntitySymbol[];
}

interface Token extends TextRange {
  readonly value: string;
  readonly isString: boolean;
}

/** What a key of an entity is: its own id, a name or kind (the lower the rank the better), or a reference. */
interface Role {
  readonly kind: 'id' | 'name' | 'detail' | 'other';
  readonly rank: number;
  readonly target: string | undefined;
}

const ownIdKeys = fieldNames.id.map(normalizeKey);
const nameKeys = fieldNames.name.map(normalizeKey);
const detailKeys = [...IFC_CLASS_KEYS, ...fieldNames.spatialElement.type].map(normalizeKey);
const [QUOTE, BACKSLASH, COLON, COMMA, OPEN_OBJECT, CLOSE_OBJECT, OPEN_ARRAY, CLOSE_ARRAY] = [34, 92, 58, 44, 123, 125, 91, 93];

class NotJson extends Error {}

export function scanEntityDocument(text: string, table: ReferenceTable): ScannedDocument {
  const scanner = new Scanner(text, table);
  try {
    scanner.root();
  } catch (error) {
    if (!(error instanceof NotJson) && !(error instanceof SyntaxError)) throw error;
  }
  return scanner.result();
}

class Scanner {
  private pos = 0;
  private readonly head: { collection?: string; domainAccountId?: string; projectPhaseId?: string } = {};
  private readonly references: ReferenceSpan[] = [];
  private readonly ownIds: OwnIdSpan[] = [];
  private readonly symbols: EntitySymbol[] = [];
  private readonly roles = new Map<string, Role>();

  constructor(private readonly text: string, private readonly table: ReferenceTable) {}

  result(): ScannedDocument {
    return { ...this.head, references: this.references, ownIds: this.ownIds, symbols: this.symbols };
  }

  root(): void {
    this.members(key => {
      const c = this.peek();
      if (key === 'items' && c === OPEN_ARRAY) this.elements(index => this.peek() === OPEN_OBJECT ? this.entity(index) : this.skip());
      else if (key === 'entity' && c === OPEN_OBJECT) this.entity(0);
      else if (key === 'storey' && c === OPEN_OBJECT) this.storey();
      else if ((key === 'collection' || key === 'domainAccountId' || key === 'projectPhaseId') && c === QUOTE) this.head[key] = this.string().value;
      else this.skip();
    });
  }

  /** The page's storey: its id is a reference to the spatial structure. */
  private storey(): void {
    this.members(key => {
      if (this.table.isOwnId(key) && this.peek() === QUOTE) this.reference(this.string(), 'storey', SPATIAL_STRUCTURE, -1);
      else this.skip();
    });
  }

  private entity(index: number): void {
    const start = this.pos;
    const collection = this.head.collection ?? '';
    let id: Token | undefined;
    let name: { token: Token; rank: number } | undefined;
    let detail: { token: Token; rank: number } | undefined;
    this.members(key => {
      const c = this.peek();
      const role = this.role(key, collection);
      const target = role.target;
      if (c === OPEN_OBJECT || c === OPEN_ARRAY) return this.nested(target, key, index);
      const token = c === QUOTE ? this.string() : this.scalar();
      if (!token.isString && token.value === 'null') return;
      if (target) return this.reference(token, key, target, index);
      if (role.kind === 'id' && !id) id = token;
      else if (role.kind === 'name' && token.isString && (!name || role.rank < name.rank)) name = { token, rank: role.rank };
      else if (role.kind === 'detail' && (!detail || role.rank < detail.rank)) detail = { token, rank: role.rank };
    });
    const range = { start, end: this.pos };
    if (id) this.ownIds.push({ start: id.start, end: id.end, id: id.value, collection, entity: index });
    const shown = name?.token ?? id;
    this.symbols.push({
      name: name?.token.value || id?.value || `(entity ${index + 1})`,
      ...(detail ? { detail: detail.rank < IFC_CLASS_KEYS.length ? detail.token.value : spatialTypeOf(detail.token.value) } : {}),
      ...(id ? { id: id.value } : {}),
      range,
      nameRange: shown ? { start: shown.start, end: shown.end } : { start, end: start },
    });
  }

  /** An object or array inside an entity: ids under a reference key, and reference keys deeper down. */
  private nested(target: string | undefined, key: string, entity: number): void {
    const value = (): void => {
      const c = this.peek();
      if (c === OPEN_OBJECT) this.members(inner => this.nested(this.table.targetOf(inner), inner, entity));
      else if (c === OPEN_ARRAY) this.elements(value);
      else {
        const token = c === QUOTE ? this.string() : this.scalar();
        if (target && (token.isString || token.value !== 'null')) this.reference(token, key, target, entity);
      }
    };
    value();
  }

  private reference(token: Token, key: string, target: string, entity: number): void {
    if (token.isString || /^-?\d+$/.test(token.value)) this.references.push({ start: token.start, end: token.end, key, id: token.value, target, entity });
  }

  private role(key: string, owner: string): Role {
    let role = this.roles.get(key);
    if (!role) {
      const k = normalizeKey(key);
      const target = this.table.targetOf(key, owner);
      role = ownIdKeys.includes(k) ? { kind: 'id', rank: 0, target }
        : nameKeys.includes(k) ? { kind: 'name', rank: nameKeys.indexOf(k), target }
          : detailKeys.includes(k) ? { kind: 'detail', rank: detailKeys.indexOf(k), target } : { kind: 'other', rank: 0, target };
      this.roles.set(key, role);
    }
    return role;
  }

  // ---- the tokenizer: whitespace, strings, scalars, and containers walked member by member --------------------

  private peek(): number {
    let c = this.text.charCodeAt(this.pos);
    while (c === 32 || c === 10 || c === 13 || c === 9) c = this.text.charCodeAt(++this.pos);
    return c;
  }

  private expect(c: number): void {
    if (this.peek() !== c) throw new NotJson(`expected ${String.fromCharCode(c)} at ${this.pos}`);
    this.pos++;
  }

  private string(): Token {
    const start = ++this.pos;
    let escaped = false;
    for (;;) {
      const c = this.text.charCodeAt(this.pos);
      if (c === QUOTE) break;
      if (Number.isNaN(c)) throw new NotJson('unterminated string');
      if (c === BACKSLASH) {
        escaped = true;
        this.pos++;
      }
      this.pos++;
    }
    const end = this.pos++;
    const raw = this.text.slice(start, end);
    return { start, end, value: escaped ? JSON.parse(`"${raw}"`) as string : raw, isString: true };
  }

  /** A number, `true`, `false` or `null`. */
  private scalar(): Token {
    const start = this.pos;
    for (let c = this.text.charCodeAt(this.pos); (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || c === 45 || c === 43 || c === 46 || c === 69; c = this.text.charCodeAt(++this.pos));
    if (this.pos === start) throw new NotJson(`unexpected character at ${start}`);
    return { start, end: this.pos, value: this.text.slice(start, this.pos), isString: false };
  }

  private skip(): void {
    const c = this.peek();
    if (c === OPEN_OBJECT) this.members(() => this.skip());
    else if (c === OPEN_ARRAY) this.elements(() => this.skip());
    else if (c === QUOTE) this.string();
    else this.scalar();
  }

  /** Walks an object: `onMember` must read the member's value. */
  private members(onMember: (key: string) => void): void {
    this.expect(OPEN_OBJECT);
    if (this.peek() === CLOSE_OBJECT) return void this.pos++;
    for (;;) {
      if (this.peek() !== QUOTE) throw new NotJson(`expected a key at ${this.pos}`);
      const key = this.string().value;
      this.expect(COLON);
      onMember(key);
      const c = this.peek();
      this.pos++;
      if (c === CLOSE_OBJECT) return;
      if (c !== COMMA) throw new NotJson(`expected , or } at ${this.pos - 1}`);
    }
  }

  /** Walks an array: `onElement` must read the element. */
  private elements(onElement: (index: number) => void): void {
    this.expect(OPEN_ARRAY);
    if (this.peek() === CLOSE_ARRAY) return void this.pos++;
    for (let index = 0; ; index++) {
      this.peek();
      onElement(index);
      const c = this.peek();
      this.pos++;
      if (c === CLOSE_ARRAY) return;
      if (c !== COMMA) throw new NotJson(`expected , or ] at ${this.pos - 1}`);
    }
  }
}
