// CSV as RFC 4180 writes it: exact text for each kind of field, a reading back by a separate RFC 4180 reader,
// columns in the server's order, and short records padded without touching what is inside quotes.
import { describe, expect, it } from 'vitest';
import { CsvColumns, CsvPadding, csvCell, csvRecord } from '../../../src/core/export/csv';
import { readCsv } from '../support/readCsv';

describe('csvCell', () => {
  it('keeps a string as it is, and writes nothing for null and undefined', () => {
    expect(csvCell('Begane grond')).toBe('Begane grond');
    expect(csvCell('')).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('writes numbers and booleans as their JSON text', () => {
    expect([csvCell(0), csvCell(-3.25), csvCell(1e21), csvCell(true), csvCell(false)]).toEqual(['0', '-3.25', '1e+21', 'true', 'false']);
  });

  it('puts a quote mark before a text a spreadsheet would run as a formula, and only before such a text', () => {
    const hostile = ['=HYPERLINK("http://x","open")', '+1+2', '-2+3', '@SUM(A1)', '\tTab', '\rCR'];
    expect(hostile.map(csvCell)).toEqual(hostile.map(text => `'${text}`));
    expect(['a=b', ' =1', "'quoted", 'Wand-01', ''].map(csvCell)).toEqual(['a=b', ' =1', "'quoted", 'Wand-01', '']);
    expect(csvCell(-3.2)).toBe('-3.2'); // a number is no text: it stays a number
    expect(readCsv(csvRecord(hostile.map(csvCell)))[0]).toEqual(hostile.map(text => `'${text}`));
  });

  it('writes objects and arrays as compact JSON, nested as sent', () => {
    expect(csvCell({ a: 1, b: [null, 'x', { c: true }] })).toBe('{"a":1,"b":[null,"x",{"c":true}]}');
    expect(csvCell([])).toBe('[]');
    expect(csvCell({})).toBe('{}');
  });
});

describe('csvRecord', () => {
  it('quotes only the fields that need it, doubles quotes, and ends with CRLF', () => {
    expect(csvRecord(['plain', ' spaced ', 'a,b', 'say "hi"', 'line\nbreak', 'cr\rhere', 'crlf\r\nhere', '"'])).toBe(
      'plain, spaced ,"a,b","say ""hi""","line\nbreak","cr\rhere","crlf\r\nhere",""""\r\n');
  });

  it('leaves unicode as it is, unquoted: accents, CJK, U+2028, U+2029 and emoji', () => {
    const cells = ['Façade 90°', '屋根', 'a\u2028b', 'c\u2029d', 'Vloer 😀', '👩‍👩‍👧'];
    expect(csvRecord(cells)).toBe(`${cells.join(',')}\r\n`);
  });

  it('writes a record of no fields, or of one empty field, as "" so it is not an empty line', () => {
    expect(csvRecord([])).toBe('""\r\n');
    expect(csvRecord([''])).toBe('""\r\n');
    expect(csvRecord(['', ''])).toBe(',\r\n');
  });

  it('reads back as the same fields, whatever they hold', () => {
    const hard = ['', ',', '"', '""', '\r', '\n', '\r\n', ' lead', 'trail ', 'x"y,z\r\nw', '\u2028', '😀', 'é\u0000'];
    const records = [hard, [...hard].reverse(), hard.map((h, i) => `${i}${h}${h}`)];
    expect(readCsv(records.map(csvRecord).join(''))).toEqual(records);
  });
});

describe('CsvColumns', () => {
  it('takes the keys in the server\'s order, and appends a key first seen later', () => {
    const columns = new CsvColumns();
    const entities = [{ Id: 'a', Name: 'one', Zeta: 1 }, { Name: 'two', Id: 'b', Alpha: 2 }, { Beta: 3, Id: 'c' }];
    for (const entity of entities) columns.add(entity);
    expect(columns.keys).toEqual(['Id', 'Name', 'Zeta', 'Alpha', 'Beta']);
    expect(entities.map(e => columns.row(e))).toEqual([['a', 'one', '1', '', ''], ['b', 'two', '', '2', ''], ['c', '', '', '', '3']]);
  });

  it('gives a row only the columns known so far, and cells as csvCell writes them', () => {
    const columns = new CsvColumns();
    columns.add({ id: 'a', tags: ['x', 'y'] });
    expect(columns.row({ id: 'a', tags: ['x', 'y'], later: true })).toEqual(['a', '["x","y"]']);
    columns.add({ later: null });
    expect(columns.size).toBe(3);
    expect(columns.row({ id: 'b', later: null })).toEqual(['b', '', '']);
  });
});

describe('CsvPadding', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  const text = (chunks: Uint8Array[]) => new TextDecoder().decode(Buffer.concat(chunks));

  it('adds the missing empty fields at the end of each record, not inside quoted CRs and LFs', () => {
    const body = [['a', 'line\r\nbreak'], ['say "hi,\r"', '😀'], ['']].map(csvRecord).join('');
    const padding = new CsvPadding(2);
    expect(text([padding.pad(bytes(body))])).toBe('a,"line\r\nbreak",,\r\n"say ""hi,\r""",😀,,\r\n"",,\r\n');
  });

  it('pads the same whichever bytes each chunk ends on, a quoted field or a character cut in two', () => {
    const body = bytes([['x"\r\n"y', 'é😀'], ['\r', ','], ['plain']].map(csvRecord).join(''));
    const whole = text([new CsvPadding(1).pad(body)]);
    expect(readCsv(whole)).toEqual([['x"\r\n"y', 'é😀', ''], ['\r', ',', ''], ['plain', '']]);
    for (let size = 1; size <= 7; size++) {
      const padding = new CsvPadding(1);
      const chunks: Uint8Array[] = [];
      for (let at = 0; at < body.length; at += size) chunks.push(padding.pad(body.subarray(at, at + size)));
      expect(text(chunks), `chunks of ${size}`).toBe(whole);
    }
  });

  it('leaves the bytes as they are when nothing is missing', () => {
    const body = bytes(csvRecord(['a', 'b']));
    expect(new CsvPadding(0).pad(body)).toBe(body);
  });
});
