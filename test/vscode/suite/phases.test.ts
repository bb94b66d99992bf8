// A phase at a glance and two phases compared (issue 19) in a real extension host: the commands' results against the
// numbers the emulator documents (test/emulator/README.md, "Phase history"), their panels, and the overview's cache.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ComparisonSummary } from '../../../src/core/phases/phaseComparison';
import type { PhaseOverview } from '../../../src/core/phases/phaseOverview';
import { ALL_PHASES } from '../../emulator/data/catalog';
import { admin, apiRequestCount } from '../helpers/emulator';
import { startAsAnna } from '../helpers/tree';
import { clearNotifications, uiDriverUrl } from '../helpers/ui';

interface Scope { domainAccountId: string; projectPhaseId: string }

const gebouwB = (code: string): string => ALL_PHASES.find(p => p.path[2] === 'Nieuwbouw Gebouw B' && p.code === code)!.id;
const webviewTabs = (): string[] => vscode.window.tabGroups.all.flatMap(g => g.tabs).filter(t => t.input instanceof vscode.TabInputWebview).map(t => t.label);

suite('Phase overview and comparison', function () {
  this.timeout(120_000);
  let domainAccountId: string;

  suiteSetup(async function () {
    if (!uiDriverUrl) this.skip();
    await startAsAnna();
    domainAccountId = (await admin<{ ids: { demoVastgoed: string } }>('GET', '')).ids.demoVastgoed;
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await clearNotifications();
  });

  const phase = (code: string): Scope => ({ domainAccountId, projectPhaseId: gebouwB(code) });

  test('shows a phase\'s overview with the counts the emulator documents, read once until Refresh', async () => {
    const overview = await vscode.commands.executeCommand<PhaseOverview>('bimlink.showPhaseOverview', phase('DO'));
    assert.equal(overview.objects.total, 2500);
    assert.deepEqual(overview.bars.map(b => `${b.parents.at(-1)} ${b.name}: ${b.total}`), [
      'Fietsenstalling 00 Begane grond: 357', 'Hoofdgebouw 04 Vierde verdieping: 357', 'Hoofdgebouw 03 Derde verdieping: 357',
      'Hoofdgebouw 02 Tweede verdieping: 357', 'Hoofdgebouw 01 Eerste verdieping: 357', 'Hoofdgebouw 00 Begane grond: 357',
      'Hoofdgebouw -01 Kelder: 358',
    ]);
    assert.deepEqual(overview.objects.byIfcType.slice(0, 3), [{ ifcType: 'IfcWall', count: 606 }, { ifcType: 'IfcWindow', count: 392 },
      { ifcType: 'IfcFireSuppressionTerminal', count: 273 }]);
    assert.deepEqual(webviewTabs(), ['Overview: Definitief ontwerp']);

    const requests = await apiRequestCount();
    const again = await vscode.commands.executeCommand<PhaseOverview>('bimlink.showPhaseOverview', phase('DO'));
    assert.deepEqual(again, overview);
    assert.equal(await apiRequestCount(), requests, 'the second overview comes from the cache');
    assert.deepEqual(webviewTabs(), ['Overview: Definitief ontwerp'], 'the panel is revealed, not opened twice');

    await vscode.commands.executeCommand('bimlink.refresh');
    await vscode.commands.executeCommand('bimlink.showPhaseOverview', phase('DO'));
    assert.ok(await apiRequestCount() >= requests + 3, "after Refresh the phase is read again (2,500 objects: 3 pages of 1,000 or more)");
  });

  test('compares a phase with the one before it, with the differences the emulator documents', async () => {
    const summary = await vscode.commands.executeCommand<ComparisonSummary>('bimlink.comparePhases', phase('VO'), phase('DO'));
    assert.deepEqual(
      { ...summary, byIfcType: undefined, byStorey: undefined },
      { before: 2500, after: 2500, added: 56, removed: 56, changed: 179, unchanged: 2265,
        byField: { name: 39, type: 22, ifcType: 20, storey: 124 }, notCompared: { type: 0, storey: 0 }, byIfcType: undefined, byStorey: undefined });
    const storeys = summary.byStorey.map(s => s.storey);
    assert.ok(storeys.some(s => s.endsWith('Hoofdgebouw › 00 Begane grond')) && storeys.some(s => s.endsWith('Fietsenstalling › 00 Begane grond')),
      `storeys of the same name in different buildings stay apart: ${storeys.join(', ')}`);
    assert.deepEqual(webviewTabs(), ['Compare: Voorlopig ontwerp → Definitief ontwerp']);
  });
});
