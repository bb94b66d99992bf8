// Export Entities as CSV through its registered command: the save dialog offers CSV, a .csv file (given or chosen)
// is written as CSV, and a failure part-way leaves nothing at the target nor beside it.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ServerError, type Entity, type Page } from '../../../src/core/api';
import { resetFakeVscode, shown, Uri, window as ui } from '../fakes/vscode';
import { recordingLog } from './support/recordingLog';
import { exportCommand } from './support/exportCommand';

const source = { domainAccountId: 'da', projectPhaseId: 'ph' };
const page = (from: number): Page<Entity> => ({ items: [{ id: `e${from}`, name: `Wand, ${from}` }, { id: `e${from + 1}`, name: null }], offset: from, limit: 2, total: 4 });
const csvOfPages = '\uFEFFid,name\r\ne0,"Wand, 0"\r\ne1,\r\ne2,"Wand, 2"\r\ne3,\r\n';
let folder: string;

/** The save dialog, which the fake lacks: each test says what it answers; it records what it was asked with. */
const showSaveDialog = vi.fn(async (_options: { filters?: Record<string, string[]> }): Promise<unknown> => undefined);

beforeEach(() => {
  resetFakeVscode();
  showSaveDialog.mockReset();
  Object.assign(ui, { showSaveDialog });
  folder = mkdtempSync(path.join(tmpdir(), 'bimlink-export-csv-unit-'));
});


describe('Export Entities as CSV', () => {
  it('writes a new .csv file it was given as CSV, without asking', async () => {
    const target = path.join(folder, 'objects.csv');
    expect(await exportCommand(recordingLog(), [page(0), page(2)])(source, 'objects', Uri.file(target))).toBe(4);
    expect(showSaveDialog).not.toHaveBeenCalled();
    expect(readFileSync(target, 'utf8')).toBe(csvOfPages);
    expect(shown.map(s => s.message)).toEqual([`Exported 4 entities (objects) to ${target}.`]);
  });

  it('offers CSV in the save dialog beside JSON Lines and JSON, and writes CSV when a .csv file is chosen', async () => {
    const target = path.join(folder, 'Objects.CSV');
    writeFileSync(target, 'old\n'); // an existing file is replaced only through the dialog
    showSaveDialog.mockResolvedValueOnce(Uri.file(target));
    expect(await exportCommand(recordingLog(), [page(0), page(2)])(source, 'objects', Uri.file(target))).toBe(4);
    expect(showSaveDialog.mock.calls[0]![0].filters).toEqual({
      'JSON Lines (one entity per line)': ['ndjson', 'jsonl'], JSON: ['json'], 'CSV (one row per entity)': ['csv'],
    });
    expect(readFileSync(target, 'utf8')).toBe(csvOfPages);
  });

  it('writes JSON Lines, not CSV, for a file whose name only contains "csv"', async () => {
    const target = path.join(folder, 'objects.csv.ndjson');
    await exportCommand(recordingLog(), [page(0)])(source, 'objects', Uri.file(target));
    expect(readFileSync(target, 'utf8')).toBe('{"id":"e0","name":"Wand, 0"}\n{"id":"e1","name":null}\n');
  });

  it('leaves nothing behind when the server fails part-way, and names the target in the message', async () => {
    const target = path.join(folder, 'objects.csv');
    const failure = new ServerError({ method: 'GET', path: '/domainaccounts/da/projectphases/ph/objects' }, 503, 3);
    expect(await exportCommand(recordingLog(), [page(0), failure])(source, 'objects', Uri.file(target))).toBeUndefined();
    expect(shown[0]).toEqual({ kind: 'error', message: `Exporting objects failed: ${failure.message} Nothing was written to ${target}.` });
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(folder)).toEqual([]);
  });
});
