// ExportFile as CSV: the bytes exactly (BOM, header, CRLF records), a column that appears late, an empty
// collection, and the same guarantees as the other formats: nothing left behind, the mode kept or private.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExportFile } from '../../../src/vscode/documents/exportFile';

const bom = '\uFEFF';
const names = ['Begane grond', 'Façade, 90°', 'Prijs "€12"', '屋根', 'Vloer 😀', 'two\r\nlines', 'a\u2028b'];
const entity = (i: number) => ({ id: `id-${i}`, name: names[i % names.length], index: i, tags: [i, null] });
const pageOf = (from: number, count: number) => Array.from({ length: count }, (_, i) => entity(from + i));
const quoted = (text: string) => /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
const rowOf = (i: number) => `id-${i},${quoted(names[i % names.length]!)},${i},"[${i},null]"\r\n`;

describe('ExportFile as CSV', () => {
  let folder: string;
  beforeEach(() => { folder = mkdtempSync(path.join(tmpdir(), 'bimlink-export-csv-')); });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('writes a BOM, the header and one CRLF record per entity, exactly, across pages larger than a copy chunk', async () => {
    // About 600 KB of rows: the copy after the header takes several chunks.
    const pages = [pageOf(0, 3), pageOf(3, 12_000)];
    const target = path.join(folder, 'out.csv');
    const file = new ExportFile(target, 'csv');
    for (const page of pages) await file.add(page);
    expect(await file.complete()).toBe(12_003);
    const bytes = readFileSync(target);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toBe(`${bom}id,name,index,tags\r\n${Array.from({ length: 12_003 }, (_, i) => rowOf(i)).join('')}`);
    expect(readdirSync(folder)).toEqual(['out.csv']);
  });

  it('appends a column first seen in a later page to the header, and pads the rows written before it', async () => {
    const target = path.join(folder, 'late.csv');
    const file = new ExportFile(target, 'csv');
    await file.add([{ Id: 'a', Name: 'one,\r\n"two"' }, { Id: 'b' }]);
    await file.add([{ Name: 'three', Id: 'c', Elevation: 3.5 }]);
    await file.add([{ Id: 'd', Extra: { x: [1] } }, {}]);
    await file.complete();
    expect(readFileSync(target, 'utf8')).toBe(`${bom}Id,Name,Elevation,Extra\r\n`
      + 'a,"one,\r\n""two""",,\r\nb,,,\r\n'
      + 'c,three,3.5,\r\n'
      + 'd,,,"{""x"":[1]}"\r\n,,,\r\n');
  });

  it('writes an empty file when the collection is empty: no column to name, nothing to mark as UTF-8', async () => {
    const target = path.join(folder, 'empty.csv');
    const file = new ExportFile(target, 'csv');
    await file.add([]);
    expect(await file.complete()).toBe(0);
    expect(readFileSync(target)).toHaveLength(0);
    expect(readdirSync(folder)).toEqual(['empty.csv']);
  });

  it('leaves the target as it was, and no temporary file, when discarded', async () => {
    const target = path.join(folder, 'kept.csv');
    writeFileSync(target, 'what was there\n');
    const file = new ExportFile(target, 'csv');
    await file.add(pageOf(0, 10));
    await file.add([{ late: true }]);
    await file.discard();
    expect(readFileSync(target, 'utf8')).toBe('what was there\n');
    expect(readdirSync(folder)).toEqual(['kept.csv']);
  });

  const modeOf = (file: string) => statSync(file).mode & 0o777;

  it('makes a new export private (0600), and keeps the mode of a file it replaces', async () => {
    const fresh = path.join(folder, 'private.csv');
    const file = new ExportFile(fresh, 'csv');
    await file.add(pageOf(0, 3));
    await file.complete();
    expect(modeOf(fresh).toString(8)).toBe('600');
    for (const mode of [0o640, 0o664]) {
      const target = path.join(folder, `replaced-${mode.toString(8)}.csv`);
      writeFileSync(target, 'old\n');
      chmodSync(target, mode);
      const replacing = new ExportFile(target, 'csv');
      await replacing.add(pageOf(0, 2));
      await replacing.complete();
      expect(modeOf(target).toString(8), target).toBe(mode.toString(8));
      expect(readFileSync(target, 'utf8')).toBe(`${bom}id,name,index,tags\r\n${rowOf(0)}${rowOf(1)}`);
    }
  });

  it('fails with the reason and leaves neither temporary file behind when the final file cannot be moved into place', async () => {
    const target = path.join(folder, 'a-folder.csv');
    mkdirSync(target); // a folder where the file should go: the rename fails
    const file = new ExportFile(target, 'csv');
    await file.add(pageOf(0, 5));
    await expect(file.complete()).rejects.toThrow(`${target} could not be written: EISDIR`);
    expect(readdirSync(folder)).toEqual(['a-folder.csv']);
    expect(statSync(target).isDirectory()).toBe(true);
  });
});
