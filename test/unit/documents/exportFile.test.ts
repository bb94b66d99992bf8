import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExportFile } from '../../../src/vscode/documents/exportFile';

// Text that takes 1, 2, 3 and 4 UTF-8 bytes per character, so a wrong byte count shows as a broken file.
const names = ['Begane grond', 'Façade 90°', 'Prijs €12', '屋根', 'Vloer 😀', 'a\u0000b "quoted" \\ slash\n'];
const entity = (i: number) => ({ id: `id-${i}`, name: names[i % names.length], index: i, tags: [names[(i + 1) % names.length]] });
const pageOf = (from: number, count: number) => Array.from({ length: count }, (_, i) => entity(from + i));

describe('ExportFile', () => {
  let folder: string;
  beforeEach(() => { folder = mkdtempSync(path.join(tmpdir(), 'bimlink-export-file-')); });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('writes NDJSON exactly: one JSON text per line, multi-byte text intact, across pages larger than its first buffer', async () => {
    // The second page is about 150 KB. The last one starts with an entity of 50,000 characters that take 150,000
    // bytes: more than twice the first buffer, and more than its characters alone would need.
    const pages = [pageOf(0, 3), pageOf(3, 2000), [{ id: 'long', name: '€'.repeat(50_000) }, ...pageOf(2003, 1)]];
    const target = path.join(folder, 'out.ndjson');
    const file = new ExportFile(target, 'ndjson');
    for (const page of pages) await file.add(page);
    expect(await file.complete()).toBe(2005);
    expect(readFileSync(target, 'utf8')).toBe(pages.flat().map(item => `${JSON.stringify(item)}\n`).join(''));
    expect(readdirSync(folder)).toEqual(['out.ndjson']);
  });

  it('writes a JSON array that parses back to every entity, in order', async () => {
    const pages = [pageOf(0, 1500), pageOf(1500, 7)];
    const target = path.join(folder, 'out.json');
    const file = new ExportFile(target, 'json');
    for (const page of pages) await file.add(page);
    await file.complete();
    expect(JSON.parse(readFileSync(target, 'utf8'))).toEqual(pages.flat());
  });

  it('lays a JSON array out with one entity per line, indented, across pages', async () => {
    const target = path.join(folder, 'small.json');
    const file = new ExportFile(target, 'json');
    await file.add([{ id: 'a' }]);
    await file.add([{ id: 'b', name: 'Façade' }]);
    await file.complete();
    expect(readFileSync(target, 'utf8')).toBe('[\n  {"id":"a"},\n  {"id":"b","name":"Façade"}\n]\n');
  });

  it('writes an empty JSON array when the collection is empty', async () => {
    const target = path.join(folder, 'empty.json');
    const file = new ExportFile(target, 'json');
    await file.add([]);
    expect(await file.complete()).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe('[]\n');
  });

  it('leaves the target as it was when discarded', async () => {
    const target = path.join(folder, 'kept.ndjson');
    writeFileSync(target, 'what was there\n');
    const file = new ExportFile(target, 'ndjson');
    await file.add(pageOf(0, 10));
    await file.discard();
    expect(readFileSync(target, 'utf8')).toBe('what was there\n');
    expect(readdirSync(folder)).toEqual(['kept.ndjson']);
  });

  const modeOf = (file: string) => statSync(file).mode & 0o777;

  it('makes a new export readable by its owner only (0600), whatever the umask allows', async () => {
    const target = path.join(folder, 'private.ndjson');
    const file = new ExportFile(target, 'ndjson');
    await file.add(pageOf(0, 3));
    await file.complete();
    expect(modeOf(target).toString(8)).toBe('600');
  });

  it('keeps the mode of the file it replaces: a private file stays private, a shared one stays shared', async () => {
    for (const mode of [0o600, 0o640, 0o664]) {
      const target = path.join(folder, `replaced-${mode.toString(8)}.json`);
      writeFileSync(target, 'old\n');
      chmodSync(target, mode);
      const file = new ExportFile(target, 'json');
      await file.add(pageOf(0, 2));
      await file.complete();
      expect(modeOf(target).toString(8), target).toBe(mode.toString(8));
      expect(JSON.parse(readFileSync(target, 'utf8'))).toEqual(pageOf(0, 2));
    }
  });

  it('fails with the reason and the path when the folder cannot be written, and leaves nothing behind', async () => {
    // As root no folder is unwritable: a path under a regular file (ENOTDIR) and under a missing folder (ENOENT) are.
    writeFileSync(path.join(folder, 'a-file'), 'not a folder\n');
    for (const [target, reason] of [[path.join(folder, 'a-file', 'x.ndjson'), 'ENOTDIR'], [path.join(folder, 'missing', 'x.ndjson'), 'ENOENT']] as const) {
      const file = new ExportFile(target, 'ndjson');
      await expect(file.add(pageOf(0, 5))).rejects.toThrow(`${target} could not be written: ${reason}`);
      await file.discard(); // as the export command does after any failure: harmless here
    }
    expect(readdirSync(folder)).toEqual(['a-file']);
  });

  it('fails with the reason and leaves nothing behind when the finished file cannot be moved into place', async () => {
    const target = path.join(folder, 'a-folder.ndjson');
    mkdirSync(target); // a folder where the file should go: the rename fails
    const file = new ExportFile(target, 'ndjson');
    await file.add(pageOf(0, 5));
    await expect(file.complete()).rejects.toThrow(`${target} could not be written: EISDIR`);
    expect(readdirSync(folder)).toEqual(['a-folder.ndjson']);
    expect(statSync(target).isDirectory()).toBe(true);
  });
});
