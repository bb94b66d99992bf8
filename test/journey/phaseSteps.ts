// The journey's steps for a phase at a glance and two phases compared (issue 19), in the webview panels themselves:
// the overview's table read against the emulator's documented counts, its Content-Security-Policy checked (and an
// injected inline script refused), a bar's segment clicked open, and a changed object of a comparison opened in the
// diff editor. The overview and comparison pictures of the README come from here.
import type { Frame, Page } from 'playwright-core';
import { chooseFromContextMenu, exactly, fillQuickInput, treeRow } from '../vscode/harness/workbench';

type Step = [string, () => Promise<void>];

const STEP_TIMEOUT_MS = 30_000;
const phase = 'Definitief ontwerp';
const previous = 'Voorlopig ontwerp';
/** test/emulator/README.md, "Phase history": "Nieuwbouw Gebouw B", phase DO, objects per storey. */
const documentedStoreys: [string, number][] = [
  ['Fietsenstalling › 00 Begane grond', 357], ['Hoofdgebouw › 04 Vierde verdieping', 357], ['Hoofdgebouw › 03 Derde verdieping', 357],
  ['Hoofdgebouw › 02 Tweede verdieping', 357], ['Hoofdgebouw › 01 Eerste verdieping', 357], ['Hoofdgebouw › 00 Begane grond', 357],
  ['Hoofdgebouw › -01 Kelder', 358],
];
/** The same, VO → DO: added, removed, changed. */
const documentedDifferences = { added: 56, removed: 56, changed: 179 };

export function phaseSteps(workbench: Page, shot: (name: string) => Promise<void>): Step[] {
  const activeTab = (title: RegExp | string) => workbench.locator('.tabs-container .tab.active .label-name', { hasText: title });
  let overview: Frame;
  return [
    ['shows the phase overview from the phase\'s context menu; its table holds the documented counts (issue 19)', async () => {
      await workbench.keyboard.press('F1'); // the export's notification would stand over the pictures
      await fillQuickInput(workbench, '>Notifications: Clear All Notifications', true, STEP_TIMEOUT_MS);
      await chooseFromContextMenu(workbench, treeRow(workbench, phase).first(), 'Show Phase Overview', STEP_TIMEOUT_MS);
      await activeTab(exactly(`Overview: ${phase}`)).waitFor({ timeout: STEP_TIMEOUT_MS });
      overview = await webviewFrame(workbench, `Overview: ${phase}`);
      const table = overview.locator('table', { has: overview.locator('caption', { hasText: 'Objects per storey by IFC class' }) });
      await table.waitFor({ timeout: STEP_TIMEOUT_MS });
      const rows = await table.locator('tbody tr').evaluateAll(trs => trs.map(tr => [
        tr.querySelector('th')?.textContent ?? '', tr.querySelector('td:last-child')?.textContent ?? '']));
      const shown = rows.map(([storey, total]) => `${storey} ${total}`);
      const expected = documentedStoreys.map(([storey, total]) => `${storey} ${total}`);
      expect(shown.length === expected.length && expected.every((e, i) => shown[i]!.endsWith(e)), `the table shows ${JSON.stringify(shown)}, expected ${JSON.stringify(expected)}`);
      expect(await overview.locator('svg.chart g.bar').count() === expected.length, 'one bar per storey');
      await shot('overview');
    }],
    ['the overview runs under a strict Content-Security-Policy that refuses an injected inline script', async () => {
      const policy = await overview.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content') ?? '';
      // webview.cspSource: 'self' and the host VS Code serves a webview's local resources from (media/ here), nothing else remote
      const remote = policy.replaceAll('https://*.vscode-cdn.net', '');
      expect(/default-src 'none'/.test(policy) && /script-src 'nonce-[A-Za-z0-9+/=]{16,}'(;|$)/.test(policy) && !/unsafe-inline|unsafe-eval|https?:|\*/.test(remote),
        `the page's policy: ${policy}`);
      const ran = await overview.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'document.body.dataset.injected = "yes"';
        document.body.append(script);
        return document.body.dataset.injected === 'yes';
      });
      expect(!ran, 'an inline script without the nonce must not run');
    }],
    ['clicks a bar\'s IfcWall segment, which opens that storey\'s walls as a read-only document', async () => {
      const wallsCell = await overview.locator('table', { has: overview.locator('caption', { hasText: 'Objects per storey by IFC class' }) })
        .locator('tbody tr', { has: overview.locator('th', { hasText: /04 Vierde verdieping$/ }) }).locator('td').nth(1).textContent();
      await overview.locator('rect.segment[aria-label^="IfcWall on 04 Vierde verdieping:"]').click({ timeout: STEP_TIMEOUT_MS });
      const tab = activeTab(/^IfcWall on 04 Vierde verdieping \(\d+\)\.json$/);
      await tab.waitFor({ timeout: STEP_TIMEOUT_MS });
      const count = /\((\d+)\)/.exec(await tab.innerText())?.[1];
      expect(count === wallsCell, `the document lists ${count} walls, the overview's table ${wallsCell}`);
      await workbench.locator('.monaco-editor .view-lines', { hasText: '"ifcTypes"' }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
    }],
    ['compares the phase with the one before it (preselected) and opens a changed object in the diff editor', async () => {
      await chooseFromContextMenu(workbench, treeRow(workbench, phase).first(), 'Compare Phases', STEP_TIMEOUT_MS);
      await workbench.locator('.quick-input-widget .quick-input-title', { hasText: `Compare ${phase} with` }).waitFor({ timeout: STEP_TIMEOUT_MS });
      const active = workbench.locator('.quick-input-widget .quick-input-list .monaco-list-row.focused .label-name').first();
      await active.waitFor({ timeout: STEP_TIMEOUT_MS });
      expect((await active.innerText()).trim() === previous, `the phase before should be preselected, found ${await active.innerText()}`);
      await workbench.locator('.quick-input-widget input.input').press('Enter');
      await activeTab(exactly(`Compare: ${previous} → ${phase}`)).waitFor({ timeout: 60_000 });
      const comparison = await webviewFrame(workbench, `Compare: ${previous} → ${phase}`);
      await comparison.locator('.totals').waitFor({ timeout: STEP_TIMEOUT_MS });
      const totals = Object.fromEntries(await comparison.locator('.totals > *').evaluateAll(items => items.map(item =>
        [item.querySelector('.muted')?.textContent?.trim().toLowerCase() ?? '', Number(item.querySelector('.value')?.textContent?.replace(/,/g, ''))])));
      for (const [what, count] of Object.entries(documentedDifferences)) {
        expect(totals[what] === count, `the comparison shows ${totals[what]} ${what}, the emulator documents ${count}: ${JSON.stringify(totals)}`);
      }
      await shot('compare');
      await comparison.locator('tr.activatable[aria-label^="changed:"]').first().click({ timeout: STEP_TIMEOUT_MS });
      await activeTab(new RegExp(` \\(${previous} ↔ ${phase}\\)$`)).waitFor({ timeout: STEP_TIMEOUT_MS });
      await workbench.locator('.monaco-diff-editor .editor.modified .view-lines', { hasText: '"globalId"' }).first()
        .or(workbench.locator('.monaco-diff-editor .editor.modified .view-lines', { hasText: '"GlobalId"' }).first()).waitFor({ timeout: STEP_TIMEOUT_MS });
      await workbench.keyboard.press('Control+K');
      await workbench.keyboard.press('W'); // closes every editor: the sign-out step's view is the tree's
    }],
  ];
}

/** The webview frame whose page heading starts with `heading` (webviews are frames inside frames of the workbench). */
async function webviewFrame(workbench: Page, heading: string): Promise<Frame> {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    for (const frame of workbench.frames()) {
      const text = await frame.evaluate(() => document.querySelector('#root h1')?.textContent ?? '').catch(() => '');
      if (text.startsWith(heading)) return frame;
    }
    await workbench.waitForTimeout(250);
  }
  throw new Error(`no webview shows "${heading}"`);
}

function expect(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}
