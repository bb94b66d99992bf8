// Export of a comparison over the emulator: a cancelled or failed export leaves nothing at the target nor beside it,
// the pages are read no faster than their rows are written, and a second Export while one runs is refused.
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BimlinkClient } from '../../../src/core/api';
import { exportComparison, writeComparison } from '../../../src/vscode/phases/comparisonExport';
import type { ListedPhase } from '../../../src/vscode/phases/phaseChoice';
import { ALL_PHASES } from '../../emulator/data/catalog';
import { resetFakeVscode, shown, Uri, window as ui } from '../fakes/vscode';
import { recordingLog } from '../commands/support/recordingLog';
import { startSession, type DialectSession } from '../references/support/dialectSessions';

const phaseId = (code: string) => ALL_PHASES.find(p => p.path[2] === 'Nieuwbouw Gebouw B' && p.code === code)!.id;
let session: DialectSession;
beforeAll(async () => { session = await startSession('bimlink'); });
afterAll(() => session.emulator.close());
beforeEach(resetFakeVscode);

function phases(): [ListedPhase, ListedPhase] {
  const listed = (code: string, name: string): ListedPhase => ({ scope: { ...session.scope, projectPhaseId: phaseId(code) }, phase: { id: phaseId(code), name } });
  return [listed('VO', 'Voorlopig ontwerp'), listed('DO', 'Definitief ontwerp')];
}

const partial = (folder: string) => readdirSync(folder).some(name => name.endsWith('.partial'));

describe('Export of a comparison', () => {
  it('leaves no file at the target and none beside it when cancelled midway', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'bimlink-compare-cancel-'));
    let cancel = () => {};
    let cancelled = false;
    ui.withProgress.mockImplementationOnce(async (_options, task) => task(
      { report() { if (!cancelled && partial(folder)) { cancelled = true; cancel(); } } }, // rows are on disk: now cancel
      { get isCancellationRequested() { return cancelled; }, onCancellationRequested: (listener: () => void) => { cancel = listener; return { dispose() {} }; } }));
    const [before, after] = phases();
    const deps = { documents: { client: () => session.client }, log: recordingLog() };
    await expect(writeComparison(deps as never, before, after, 'csv', Uri.file(path.join(folder, 'compare.csv')))).rejects.toThrow();
    expect(cancelled).toBe(true);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('leaves no file at the target and none beside it when the server fails midway', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'bimlink-compare-fail-'));
    const [before, after] = phases();
    let wroteRows = false;
    const failing = new Proxy(session.client, {
      get: (target, property) => property !== 'entityPages' ? Reflect.get(target, property, target)
        : async function* (...args: Parameters<BimlinkClient['entityPages']>) {
          for await (const page of target.entityPages(...args)) {
            yield page;
            wroteRows ||= partial(folder);
            if (wroteRows) throw new Error('The server answered 500.');
          }
        },
    });
    const deps = { documents: { client: () => failing }, log: recordingLog() };
    await expect(writeComparison(deps as never, before, after, 'ndjson', Uri.file(path.join(folder, 'compare.ndjson'))))
      .rejects.toThrow(/failed: .*500.* Nothing was written to /);
    expect(wroteRows).toBe(true);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('ignores a second Export of the same comparison while the first runs', async () => {
    const [before, after] = phases();
    let choose: (target: unknown) => void = () => {};
    ui.showSaveDialog.mockImplementationOnce(() => new Promise(resolve => { choose = resolve; }));
    const deps = { documents: { client: () => session.client }, log: recordingLog() };
    const first = exportComparison(deps as never, before, after, 'csv');
    expect(await exportComparison(deps as never, before, after, 'ndjson')).toBeUndefined();
    expect(shown.map(m => m.message)).toEqual(['The comparison Voorlopig ontwerp → Definitief ontwerp is already being exported.']);
    expect(ui.showSaveDialog).toHaveBeenCalledTimes(1);
    choose(undefined);
    expect(await first).toBeUndefined();
    await exportComparison(deps as never, before, after, 'csv'); // the first settled: asked again
    expect(ui.showSaveDialog).toHaveBeenCalledTimes(2);
  });
});
