/**
 * CSV as RFC 4180 writes it: fields separated by commas, records ended by CRLF, a field quoted only when it holds a
 * quote, a comma, a CR or an LF, quotes inside doubled. Pure: used by the export and by anything copied as CSV.
 */

/**
 * A value as one field's text: strings as they are, nothing as empty, anything else as its compact JSON. A string a
 * spreadsheet would run as a formula (one starting with `=`, `+`, `-`, `@`, a tab or a CR) gets a leading `'`, as
 * OWASP advises against CSV injection: text from the server must not become a formula, a link or a command there.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return FORMULA_START.test(value) ? `'${value}` : value;
  if (typeof value === 'bigint') return value.toString(); // JSON.stringify throws on a bigint
  return JSON.stringify(value) ?? ''; // a function or symbol has no JSON text
}

/**
 * One record, CRLF included. A record of no fields (or of one empty field) is written as `""`: an empty line would
 * be skipped by most readers, and with it a row.
 */
export function csvRecord(cells: readonly string[]): string {
  if (cells.length === 0 || (cells.length === 1 && cells[0] === '')) return '""\r\n';
  return `${cells.map(field).join(',')}\r\n`;
}

const FORMULA_START = /^[=+\-@\t\r]/;

function field(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/**
 * The columns of a table of entities: their top-level keys in the server's order, in order of first appearance, so
 * a key first seen in a later entity comes after every column already known.
 */
export class CsvColumns {
  private readonly index = new Map<string, number>();

  /** The column names, in order. */
  get keys(): readonly string[] {
    return [...this.index.keys()];
  }

  get size(): number {
    return this.index.size;
  }

  add(entity: unknown): void {
    for (const key of keysOf(entity)) if (!this.index.has(key)) this.index.set(key, this.index.size);
  }

  /** The entity's cells under the columns known so far (add it first): a key missing from the entity is empty. */
  row(entity: unknown): string[] {
    const cells = new Array<string>(this.index.size).fill('');
    for (const key of keysOf(entity)) {
      const column = this.index.get(key);
      if (column !== undefined) cells[column] = csvCell((entity as Record<string, unknown>)[key]);
    }
    return cells;
  }
}

/** An entity's own keys; anything other than a plain object (which the server does not send) has none. */
function keysOf(entity: unknown): string[] {
  return entity !== null && typeof entity === 'object' && !Array.isArray(entity) ? Object.keys(entity) : [];
}

const quote = 0x22;
const cr = 0x0d;
const comma = 0x2c;

/**
 * Lengthens records written before later columns were known: adds `missing` empty fields before each record's CRLF.
 * Fed the bytes csvRecord wrote, whole records in chunks of any size. A CR outside quotes ends a record, as every
 * CR inside a field is quoted; a doubled quote toggles twice, so counting quotes is enough to know where one is. The
 * bytes scanned are UTF-8, whose multi-byte characters never contain these three.
 */
export class CsvPadding {
  private quoted = false;
  private readonly commas: Uint8Array;

  constructor(missing: number) {
    this.commas = new Uint8Array(Math.max(0, missing)).fill(comma);
  }

  pad(chunk: Uint8Array): Uint8Array {
    if (this.commas.length === 0) return chunk;
    const ends: number[] = [];
    for (let i = 0; i < chunk.length; i++) {
      if (chunk[i] === quote) this.quoted = !this.quoted;
      else if (chunk[i] === cr && !this.quoted) ends.push(i);
    }
    if (ends.length === 0) return chunk;
    const padded = new Uint8Array(chunk.length + ends.length * this.commas.length);
    let from = 0;
    let to = 0;
    for (const end of ends) {
      padded.set(chunk.subarray(from, end), to);
      to += end - from;
      padded.set(this.commas, to);
      to += this.commas.length;
      from = end;
    }
    padded.set(chunk.subarray(from), to);
    return padded;
  }
}
