// Export Entities through its registered command: a failure or a cancel part-way leaves nothing at the target nor
// beside it, a failure says so once (with Retry, which writes the same file), and a cancel says nothing.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CancelledError, ServerError, type Entity, type Page } from '../../../src/core/api';
import { resetFakeVscode, shown, Uri, window as ui } from '../fakes/vscode';
import { recordingLog, type RecordingLog } from './support/recordingLog';
import { exportCommand } from './support/exportCommand';

const source = { domainAccountId: 'da', projectPhaseId: 'ph' };
const request = { method: 'GET', path: '/domainaccounts/da/projectphases/ph/objects' };
let folder: string;
let log: RecordingLog;

beforeEach(() => {
  resetFakeVscode();
  folder = mkdtempSync(path.join(tmpdir(), 'bimlink-export-unit-'));
  log = recordingLog();
});

const page = (from: number): Page<Entity> => ({ items: [{ id: `e${from}` }, { id: `e${from + 1}` }], offset: from, limit: 2, total: 4 });


describe('Export Entities', () => {
  it('writes every page to the new file it was given, without asking', async () => {
    const target = path.join(folder, 'objects.ndjson');
    const count = await exportCommand(log, [page(0), page(2)])(source, 'objects', Uri.file(target));
    expect(count).toBe(4);
    expect(readFileSync(target, 'utf8').trim().split('\n')).toHaveLength(4);
    expect(shown.map(s => s.message)).toEqual([`Exported 4 entities (objects) to ${target}.`]);
  });

  it('leaves nothing behind when the server fails part-way, says so once, and Retry writes the same file', async () => {
    const target = path.join(folder, 'objects.ndjson');
    const failure = new ServerError(request, 503, 3);
    ui.showErrorMessage.mockImplementationOnce(async (message: string) => { shown.push({ kind: 'error', message }); return 'Retry' as never; });
    const exporting = exportCommand(log, [page(0), failure], [page(0), page(2)]);
    expect(await exporting(source, 'objects', Uri.file(target))).toBeUndefined();
    expect(shown[0]).toEqual({ kind: 'error', message: `Exporting objects failed: ${failure.message} Nothing was written to ${target}.` });
    expect((ui.showErrorMessage.mock.calls[0] as unknown[]).slice(1)).toEqual(['Retry', 'Show Log']);
    expect(log.lines).toContain(`error: bimlink.exportEntities failed: ${shown[0]!.message}`);
    await vi.waitFor(() => expect(shown.at(-1)?.message).toBe(`Exported 4 entities (objects) to ${target}.`));
    expect(readdirSync(folder)).toEqual(['objects.ndjson']);
    expect(readFileSync(target, 'utf8').trim().split('\n')).toHaveLength(4);
  });

  it('leaves nothing behind when cancelled part-way, and says nothing', async () => {
    const target = path.join(folder, 'objects.json');
    const exporting = exportCommand(log, [page(0), new CancelledError(request)]);
    expect(await exporting(source, 'objects', Uri.file(target))).toBeUndefined();
    expect(readdirSync(folder)).toEqual([]);
    expect(shown).toEqual([]);
  });
});
