// A user's way through BIMlink Explorer, clicked and typed in the real workbench (code-server in Debian's chromium):
// open the BIMlink view, sign in on the emulator's login page, expand down to a storey, open its entities, page
// forward, follow a reference to its type (hover, Ctrl+click), export the storey's object instances and check the file
// against the API, see the phase at a glance and compared with the one before (phaseSteps.ts), sign out. Each step waits for what the user would see next; a step that fails saves a screenshot
// and ends the journey.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { Emulator } from '../emulator/index';
import { apiGet, signInWithPassword, spellingOf } from '../emulator/testing/index';
import { chooseFromContextMenu, exactly, fillQuickInput, signInOnLoginPage, treeRow, treeRows } from '../vscode/harness/workbench';
import { phaseSteps } from './phaseSteps';

export interface JourneyOptions {
  emulator: Emulator;
  context: BrowserContext;
  workbench: Page;
  /** Where the export goes (a folder on this machine, which is also code-server's). */
  exportFolder: string;
  /** Where the screenshots of the main moments go. */
  screenshots: string;
  /** Where a failed step's screenshot goes. */
  failures: string;
  /** Names this journey in the output (e.g. "installed .vsix"). */
  name: string;
}

export interface JourneyResult { passed: number; failed: number }

const user = { email: 'anna@demo-bimlink.nl', password: 'anna-demo' };
const treePath = ['Demo Vastgoed BV', 'Campus Noord, Utrecht', 'Nieuwbouw Gebouw B', 'Definitief ontwerp', 'Kavel B', 'Gebouw B', 'Hoofdgebouw'];
const storey = '00 Begane grond';
const STEP_TIMEOUT_MS = 30_000;

export async function runJourney(options: JourneyOptions): Promise<JourneyResult> {
  const { workbench, context, emulator } = options;
  const shot = async (name: string) => {
    await workbench.mouse.move(640, 790); // no hover card over the picture
    await workbench.waitForTimeout(300);
    await workbench.screenshot({ path: path.join(options.screenshots, `${name}.png`) });
  };
  const steps: [string, () => Promise<void>][] = [
    ['opens the BIMlink view, which offers to sign in', async () => {
      await workbench.locator('.part.activitybar .action-item a.action-label[aria-label^="BIMlink"]').click({ timeout: 60_000 });
      await signInButton(workbench).waitFor({ timeout: STEP_TIMEOUT_MS });
      await workbench.locator('.part.sidebar .monaco-progress-container.active').waitFor({ state: 'hidden', timeout: STEP_TIMEOUT_MS });
      await shot('sign-in');
    }],
    ['signs in on the emulator\'s login page in the browser', async () => {
      await signInButton(workbench).click();
      const login = await context.waitForEvent('page', { timeout: STEP_TIMEOUT_MS });
      await login.locator('input[name="email"]').waitFor({ timeout: STEP_TIMEOUT_MS });
      await login.screenshot({ path: path.join(options.screenshots, 'login.png') });
      const landed = await signInOnLoginPage(context, workbench, user, STEP_TIMEOUT_MS);
      expect(landed.text.includes('You are signed in to BIMlink'), `the browser should say the sign-in worked, but it shows: ${landed.text.slice(0, 200)}`);
      await treeRow(workbench, treePath[0]!).waitFor({ timeout: STEP_TIMEOUT_MS });
    }],
    ['expands the explorer down to a storey', async () => {
      for (const label of [...treePath]) await expand(workbench, label);
      await treeRow(workbench, storey).first().waitFor({ timeout: STEP_TIMEOUT_MS });
      const shown = await treeRows(workbench);
      expect(shown.some(r => r.label === storey && r.description.includes('m')), `the storey should show its elevation: ${JSON.stringify(shown.find(r => r.label === storey))}`);
      await shot('explorer');
    }],
    ['opens the storey\'s object instances as a JSON document', async () => {
      await chooseFromContextMenu(workbench, treeRow(workbench, storey).first(), 'Open Entities…', STEP_TIMEOUT_MS);
      await fillQuickInput(workbench, 'objectinstances', true, STEP_TIMEOUT_MS);
      await activeTab(workbench, new RegExp(`^objectinstances · ${storey} · 1–100 of [\\d,]+\\.json$`)).waitFor({ timeout: STEP_TIMEOUT_MS });
      await workbench.locator('.monaco-editor .view-lines', { hasText: '"collection": "objectinstances"' }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
      await shot('entities');
    }],
    ['pages forward with the editor\'s Next Page button', async () => {
      await workbench.locator('.editor-actions .action-label[aria-label^="Next Page"]').click({ timeout: STEP_TIMEOUT_MS });
      await activeTab(workbench, new RegExp(`^objectinstances · ${storey} · 101–200 of [\\d,]+\\.json$`)).waitFor({ timeout: STEP_TIMEOUT_MS });
    }],
    ['hovers over an object type id, which names the type, and Ctrl+clicks it open (issue 18)', async () => {
      const { key } = spellingOf(emulator.dialect);
      const line = workbench.locator('.monaco-editor .view-line', { hasText: `"${key('objectTypeId')}"` }).first();
      const link = line.locator('.detected-link').first(); // the reference's link, once the link provider has run
      await link.waitFor({ timeout: STEP_TIMEOUT_MS });
      await link.hover();
      const hover = workbench.locator('.monaco-hover', { hasText: ' · Ifc' }).first();
      await hover.waitFor({ timeout: STEP_TIMEOUT_MS });
      await workbench.waitForTimeout(300);
      await workbench.screenshot({ path: path.join(options.screenshots, 'references.png') }); // with the hover card: it is the picture
      const typeId = new RegExp(`"${key('objectTypeId')}":\\s*"([^"]+)"`).exec(await line.innerText())?.[1]; // Monaco's spaces are no-break spaces
      expect(Boolean(typeId), `the line should hold an id: ${await line.innerText()}`);
      const box = await link.boundingBox();
      expect(box !== null, 'the link should be on the screen');
      // the mouse, not a locator's click: Monaco's own layers lie over the text and take the pointer events
      await workbench.keyboard.down('Control');
      await workbench.mouse.click(box!.x + Math.min(box!.width / 2, 20), box!.y + box!.height / 2);
      await workbench.keyboard.up('Control');
      await activeTab(workbench, new RegExp(`^objecttypes · ${typeId!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.json$`)).waitFor({ timeout: STEP_TIMEOUT_MS });
      await workbench.locator('.monaco-editor .view-lines', { hasText: '"collection": "objecttypes"' }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
    }],
    ['exports the storey\'s object instances, every one exactly once', async () => {
      const target = path.join(options.exportFolder, 'objectinstances.ndjson');
      await chooseFromContextMenu(workbench, treeRow(workbench, storey).first(), 'Export Entities…', STEP_TIMEOUT_MS);
      await fillQuickInput(workbench, 'objectinstances', true, STEP_TIMEOUT_MS);
      // VS Code's own save dialog takes over the quick input once the collection is chosen
      await workbench.locator('.quick-input-widget .quick-input-title', { hasText: `Export objectinstances of ${storey}` }).waitFor({ timeout: STEP_TIMEOUT_MS });
      const input = workbench.locator('.quick-input-widget input.input');
      // the dialog fills in the suggested path a moment after it opens, over anything typed before
      await workbench.waitForFunction(() => /\.ndjson$/.test(document.querySelector<HTMLInputElement>('.quick-input-widget input.input')?.value ?? ''),
        undefined, { timeout: STEP_TIMEOUT_MS });
      await input.fill(target);
      await input.press('Enter');
      const done = workbench.locator('.notifications-toasts .notification-list-item', { hasText: 'Exported' }).first();
      await done.waitFor({ timeout: 60_000 });
      // the progress notification goes away by itself once the file is complete: no endless spinner
      await workbench.locator('.notifications-toasts .notification-list-item', { hasText: 'Exporting objectinstances' }).waitFor({ state: 'hidden', timeout: 10_000 });
      await shot('export');
      const message = await done.locator('.notification-list-item-message').innerText();
      const count = Number(/Exported ([\d,]+) entities/.exec(message)?.[1]?.replace(/,/g, ''));
      const { key } = spellingOf(emulator.dialect);
      const items = readFileSync(target, 'utf8').trimEnd().split('\n').map(line => JSON.parse(line) as Record<string, unknown>);
      expect(items.length === count, `the notification says ${count} entities, the file holds ${items.length}`);
      const storeyIds = new Set(items.map(item => String(item[key('spatialStructureElementId')])));
      expect(storeyIds.size === 1, `every exported entity should be on the storey, found ${storeyIds.size} storeys`);
      const expected = await idsFromApi(emulator, [...storeyIds][0]!);
      const exported = new Set(items.map(item => String(item[key('id')])));
      expect(exported.size === items.length, `${items.length - exported.size} entities were exported twice`);
      expect(expected.length === exported.size && expected.every(id => exported.has(id)),
        `the file should hold the ${expected.length} entities the API lists, it holds ${exported.size}`);
    }],
    ...phaseSteps(workbench, shot),
    ['signs out from the command palette, and the view offers to sign in again', async () => {
      await workbench.keyboard.press('F1');
      await fillQuickInput(workbench, '>BIMlink: Sign Out', true, STEP_TIMEOUT_MS);
      await signInButton(workbench).waitFor({ timeout: STEP_TIMEOUT_MS });
      expect((await treeRows(workbench)).every(r => r.label !== treePath[0]), 'the tree should be empty after signing out');
    }],
  ];

  let passed = 0;
  for (const [name, run] of steps) {
    const started = Date.now();
    try {
      await run();
      passed++;
      console.log(`  ✔ ${options.name}: ${name} (${Date.now() - started} ms)`);
    } catch (error) {
      const failureShot = path.join(options.failures, `failure-${options.name.replace(/\W+/g, '-')}.png`);
      await workbench.screenshot({ path: failureShot }).catch(() => undefined);
      console.log(`  ✘ ${options.name}: ${name}\n    ${(error as Error).message.split('\n').join('\n    ')}\n    screenshot: ${failureShot}`);
      return { passed, failed: steps.length - passed }; // the later steps build on this one
    }
  }
  return { passed, failed: 0 };
}

function expect(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

const signInButton = (workbench: Page) => workbench.locator('.welcome-view-content .monaco-button', { hasText: exactly('Sign in to BIMlink') });

const activeTab = (workbench: Page, title: RegExp) => workbench.locator('.tabs-container .tab.active .label-name', { hasText: title });

/** Clicks a tree row open (unless it is open already) and waits until its children show. */
async function expand(workbench: Page, label: string): Promise<void> {
  const row = treeRow(workbench, label).first();
  await row.waitFor({ timeout: STEP_TIMEOUT_MS });
  if (await row.getAttribute('aria-expanded') === 'false') await row.click();
  await workbench.waitForFunction(
    (wanted: string) => Array.from(document.querySelectorAll('.part.sidebar .monaco-list-row'))
      .some(r => r.querySelector('.label-name')?.textContent?.trim() === wanted && r.getAttribute('aria-expanded') === 'true'),
    label, { timeout: STEP_TIMEOUT_MS });
}

/** Every object instance id the API lists for a storey, read page by page with a token of the journey's user. */
async function idsFromApi(emulator: Emulator, storeyId: string): Promise<string[]> {
  const { accessToken } = await signInWithPassword(emulator, user.email);
  const { collection, key } = spellingOf(emulator.dialect);
  const limit = 250; // within every dialect's largest page
  const ids: string[] = [];
  for (let offset = 0; ; offset += limit) {
    const path = `/domainaccounts/${emulator.ids.demoVastgoed}/projectphases/${emulator.ids.gebouwBDefinitiefOntwerp}/${collection('objectinstances')}?limit=${limit}&offset=${offset}&spatialStructureElementId=${storeyId}`;
    const page = await apiGet<Record<string, unknown>[]>(emulator, path, accessToken);
    if (page.status !== 200) throw new Error(`the API answered ${page.status} for ${path}`);
    ids.push(...page.body.map(item => String(item[key('id')])));
    if (page.body.length < limit) return ids;
  }
}
