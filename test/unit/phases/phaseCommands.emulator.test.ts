// The phase commands over the real emulator in both dialects, through the command wrapper and the fake vscode: the
// overview and comparison computed, kept until Refresh and posted to their panels; what the panels' pages ask for.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parseEntityDocumentPath } from '../../../src/core/model/entityDocument';
import { comparePhases } from '../../../src/core/phases/phaseComparison';
import { computePhaseOverview, type PhaseOverview } from '../../../src/core/phases/phaseOverview';
import { defineCommand, registerCommand } from '../../../src/vscode/commands/command';
import type { Connection } from '../../../src/vscode/connection/connection';
import { EntityDocuments } from '../../../src/vscode/documents/entityDocuments';
import { overviewCsv } from '../../../src/vscode/phases/overviewCsv';
import { forgettingOnRefresh, phaseCommands } from '../../../src/vscode/phases/phaseCommands';
import { PhasePanels } from '../../../src/vscode/phases/phasePanels';
import { PhaseResults } from '../../../src/vscode/phases/phaseResults';
import type { ComparisonState } from '../../../src/vscode/phases/showComparison';
import { ALL_PHASES } from '../../emulator/data/catalog';
import { commands, env, panels, quickPicks, resetFakeVscode, shown, Uri, window as ui } from '../fakes/vscode';
import { recordingLog } from '../commands/support/recordingLog';
import { registeredHandler } from '../commands/support/registered';
import { DIALECTS, useDialectSessions, type DialectSession } from '../references/support/dialectSessions';
import { signedIn, TestConnection, treeFor } from '../tree/support/treeSession';

const phaseId = (code: string) => ALL_PHASES.find(p => p.path[2] === 'Nieuwbouw Gebouw B' && p.code === code)!.id;

beforeEach(resetFakeVscode);

function world(session: DialectSession) {
  const connection = new TestConnection(signedIn(session.client)) as unknown as Connection;
  const log = recordingLog();
  const served: { uri: string; value: { count: number; ifcTypes: string[]; items: Record<string, unknown>[]; storey: unknown } }[] = [];
  const files = { serve: (uri: { toString(): string }, content: Uint8Array) => { served.push({ uri: uri.toString(), value: JSON.parse(new TextDecoder().decode(content)) }); } };
  const phaseResults = new PhaseResults(connection);
  const deps = { connection, log, files, tree: treeFor(connection as never).tree, documents: new EntityDocuments(connection), phaseResults, phasePanels: new PhasePanels(Uri.file('/ext')) };
  for (const command of [...phaseCommands(deps as never), ...forgettingOnRefresh([defineCommand({ id: 'bimlink.refresh', parameters: [], run: () => undefined })], () => phaseResults)]) {
    registerCommand(command, log);
  }
  return { deps, log, served, run: (id: string, ...args: unknown[]) => registeredHandler(id)(...args) };
}

describe.each(DIALECTS)('the phase commands (%s)', (dialect) => {
  const session = useDialectSessions();

  it('Show Phase Overview computes the overview once until Refresh and posts it to the phase\'s panel', async () => {
    const s = session(dialect);
    const { run, log } = world(s);
    const overview = await run('bimlink.showPhaseOverview', s.scope) as PhaseOverview;
    expect(overview).toEqual(await computePhaseOverview(s.client, s.scope));
    expect(panels).toHaveLength(1);
    const panel = panels[0]!;
    expect(panel.title).toBe('Overview: Definitief ontwerp');
    panel.receive({ type: 'ready' });
    expect(panel.posted.at(-1)).toEqual({ type: 'overview', phase: { name: 'Definitief ontwerp', code: 'DO' }, overview });
    const requests = s.apiRequests();
    expect(await run('bimlink.showPhaseOverview', s.scope)).toBe(overview); // kept: no request, the same panel revealed
    expect(s.apiRequests()).toBe(requests);
    expect(panels).toHaveLength(1);
    expect(panel.reveals).toHaveLength(1);
    await run('bimlink.refresh');
    expect(await run('bimlink.showPhaseOverview', s.scope)).toEqual(overview);
    expect(s.apiRequests()).toBeGreaterThan(requests);
    expect(log.lines.filter(l => l.startsWith('error'))).toEqual([]);
  });

  it('Show Phase Overview says what failed when the objects cannot be read, and keeps nothing', async () => {
    const s = session(dialect);
    const failing = new Proxy(s.client, { get: (target, property) => property !== 'entityPages' ? Reflect.get(target, property, target)
      : () => { throw new Error('The server answered 500.'); } });
    const { run } = world({ ...s, client: failing });
    expect(await run('bimlink.showPhaseOverview', s.scope)).toBeUndefined();
    expect(shown.filter(m => m.kind === 'error').map(m => m.message)).toEqual([expect.stringMatching(/^Could not build the overview of Definitief ontwerp: .*500/)]);
    expect(panels).toHaveLength(0);
  });

  it('answers the overview\'s page: a storey opens its objects, a segment its objects of those classes, Copy as CSV the table', async () => {
    const s = session(dialect);
    const { run, served, log } = world(s);
    const overview = await run('bimlink.showPhaseOverview', s.scope) as PhaseOverview;
    const panel = panels[0]!;
    const bar = overview.bars.find(b => b.storeyId && b.segments.length > 1)!;
    panel.receive({ type: 'openStorey', storeyId: bar.storeyId });
    await vi.waitFor(() => expect(commands.executeCommand).toHaveBeenCalledWith('bimlink.openEntities',
      { ...s.scope, storey: { id: bar.storeyId, name: bar.name } }, 'objectinstances'));

    const segment = bar.segments[0]!;
    panel.receive({ type: 'openSegment', storeyId: bar.storeyId, segment: segment.label });
    await vi.waitFor(() => expect(served).toHaveLength(1));
    const { value, uri } = served[0]!;
    expect(value).toMatchObject({ storey: { id: bar.storeyId, name: bar.name }, ifcTypes: segment.ifcTypes, count: segment.count });
    expect(value.items).toHaveLength(segment.count);
    expect(decodeURIComponent(uri)).toContain(`${segment.label} on ${bar.name} (${segment.count})`);
    expect(ui.showTextDocument).toHaveBeenCalledTimes(1);

    panel.receive({ type: 'openSegment', storeyId: bar.storeyId, segment: 'IfcForged' });
    panel.receive({ type: 'openStorey', storeyId: 'not-a-storey' });
    panel.receive({ type: 'copyCsv' });
    await vi.waitFor(() => expect(env.clipboard.text).toBe(overviewCsv(overview)));
    expect(shown.map(m => m.message)).toEqual([`Copied the objects per storey of Definitief ontwerp as CSV (${overview.bars.length} rows).`]);
    expect(served).toHaveLength(1);
    expect(commands.executeCommand).toHaveBeenCalledTimes(1);
    expect(log.lines.filter(l => l.startsWith('warn'))).toHaveLength(2);
  });

  it('Compare Phases from a phase alone asks for the earlier phase, the project\'s previous one preselected', async () => {
    const s = session(dialect);
    const { run } = world(s);
    const comparing = run('bimlink.comparePhases', s.scope);
    await vi.waitFor(() => expect(quickPicks).toHaveLength(1));
    const pick = quickPicks[0]! as unknown as { title: string; activeItems: { label: string }[]; items: { label: string; description?: string }[]; accept(): void; hide(): void };
    expect(pick.title).toBe('Compare Definitief ontwerp with…');
    expect(pick.activeItems.map(i => i.label)).toEqual(['Voorlopig ontwerp']);
    expect(pick.items.map(i => i.description)).not.toContain(undefined);
    pick.accept();
    pick.hide();
    const summary = await comparing;
    expect(summary).toEqual(await comparePhases(s.client, { ...s.scope, projectPhaseId: phaseId('VO') }, s.scope));
    expect(panels.at(-1)!.title).toBe('Compare: Voorlopig ontwerp → Definitief ontwerp');
  });

  it('Compare Phases posts the differences; a changed one opens in the diff editor, an added one as itself; Export writes every one', async () => {
    const s = session(dialect);
    const { run, log } = world(s);
    const before = { ...s.scope, projectPhaseId: phaseId('VO') };
    const summary = await run('bimlink.comparePhases', before, s.scope) as Awaited<ReturnType<typeof comparePhases>>;
    const panel = panels[0]!;
    panel.receive({ type: 'ready' });
    const state = panel.posted.at(-1) as ComparisonState;
    expect(state).toMatchObject({ type: 'comparison', before: { name: 'Voorlopig ontwerp', code: 'VO' }, after: { name: 'Definitief ontwerp', code: 'DO' }, summary, more: 0 });
    expect(state.differences).toHaveLength(summary.added + summary.removed + summary.changed);

    const changedAt = state.differences.findIndex(d => d.kind === 'changed');
    const changed = state.differences[changedAt]!;
    panel.receive({ type: 'openDifference', index: changedAt });
    await vi.waitFor(() => expect(commands.executeCommand).toHaveBeenCalledTimes(1));
    const [id, left, right, title] = commands.executeCommand.mock.calls[0] as unknown as [string, Uri, Uri, string];
    expect(id).toBe('vscode.diff');
    expect(parseEntityDocumentPath(left.path)).toEqual({ kind: 'entity', ...before, collection: 'objectinstances', entityId: changed.before!.id });
    expect(parseEntityDocumentPath(right.path)).toEqual({ kind: 'entity', ...s.scope, collection: 'objectinstances', entityId: changed.after!.id });
    expect(title).toBe(`${changed.after!.name} (Voorlopig ontwerp ↔ Definitief ontwerp)`);
    const addedAt = state.differences.findIndex(d => d.kind === 'added');
    const added = state.differences[addedAt]!;
    panel.receive({ type: 'openDifference', index: addedAt });
    await vi.waitFor(() => expect(commands.executeCommand).toHaveBeenLastCalledWith('bimlink.openEntity', s.scope, 'objectinstances', added.after!.id));

    const folder = mkdtempSync(path.join(tmpdir(), 'bimlink-compare-unit-'));
    for (const format of ['csv', 'ndjson'] as const) {
      const target = path.join(folder, `compare.${format}`);
      ui.showSaveDialog.mockImplementationOnce(async () => Uri.file(target));
      panel.receive({ type: 'export', format });
      await vi.waitFor(() => expect(shown.at(-1)?.message).toBe(`Exported ${state.differences.length} differences (Voorlopig ontwerp → Definitief ontwerp) to ${target}.`));
    }
    const csv = readFileSync(path.join(folder, 'compare.csv'), 'utf8').replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
    expect(csv[0]).toBe('kind,globalId,matchedBy,changed,beforeId,beforeName,beforeIfcType,beforeType,beforeStorey,afterId,afterName,afterIfcType,afterType,afterStorey');
    expect(csv).toHaveLength(state.differences.length + 1);
    const rows = readFileSync(path.join(folder, 'compare.ndjson'), 'utf8').trim().split('\n').map(line => JSON.parse(line));
    expect(rows.map(r => r.globalId ?? `id ${r.beforeId ?? r.afterId}`).sort())
      .toEqual(state.differences.map(d => d.matchedBy === 'globalId' ? d.key : `id ${d.key}`).sort());
    expect(log.lines.filter(l => l.startsWith('error'))).toEqual([]);
  });
});
