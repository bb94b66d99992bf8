// The explorer's tree provider without a workbench: a real BimlinkClient against the emulator, the fake vscode
// module, and the rows a user would see at every level.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BimlinkClient } from '../../../src/core/api/client';
import type { ExplorerNode } from '../../../src/vscode/tree/explorerNode';
import { ANNA, clientFor, EmulatorTokens, startTestEmulator, type Emulator } from '../api/support/emulatorSession';
import { open, rowsOf, SCOPE, signedIn, TestConnection, text, treeFor } from './support/treeSession';

let emulator: Emulator;
let client: BimlinkClient;

beforeAll(async () => {
  emulator = await startTestEmulator({ objectInstances: 20, largePhaseObjectInstances: 20 });
  client = clientFor(emulator, await EmulatorTokens.signIn(emulator, ANNA));
});
afterAll(() => emulator?.close());
beforeEach(() => { emulator.faults.reset(); });

const apiRequests = () => emulator.stats().requests.api;
const gebouwB = ['Demo Vastgoed BV', 'Campus Noord, Utrecht', 'Nieuwbouw Gebouw B'];

describe('the explorer tree over the emulator', () => {
  it('shows every level with its labels, descriptions, context values and ids', async () => {
    const { tree } = treeFor(new TestConnection(signedIn(client)));
    expect(await rowsOf(tree)).toEqual(['Demo Vastgoed BV', 'Woonstichting De Linde']);
    const demo = await open(tree, 'Demo Vastgoed BV');
    expect(demo.id).toBe(`${SCOPE}/da=${encodeURIComponent(emulator.ids.demoVastgoed)}`);
    expect(tree.getTreeItem(demo).contextValue).toBe('domainAccount expandable');
    const project = await open(tree, ...gebouwB);
    expect(project.id).toMatch(new RegExp(`^${escape(demo.id)}/loc=[^/]+/proj=[^/]+$`));
    expect((await rowsOf(tree, project)).slice(0, 5))
      .toEqual(['Schetsontwerp | SO', 'Voorlopig ontwerp | VO', 'Definitief ontwerp | DO', 'Uitvoering | UITV', 'Beheer | BEH']);
    const phase = await open(tree, ...gebouwB, 'Schetsontwerp');
    expect(phase.id).toBe(`${project.id}/phase=${encodeURIComponent(emulator.ids.gebouwBSchetsontwerp)}`);
    expect(tree.getTreeItem(phase).contextValue).toBe('phase expandable');

    const building = await open(tree, ...gebouwB, 'Schetsontwerp', 'Kavel B', 'Gebouw B', 'Hoofdgebouw');
    const storeys = await tree.getChildren(building);
    expect(storeys.slice(0, 3).map(node => text(tree, node)))
      .toEqual(['-01 Kelder | -3.20 m', '00 Begane grond | 0.00 m', '01 Eerste verdieping | 3.60 m']);
    expect(tree.getTreeItem(storeys[0]!).contextValue).toBe('storey');
    // every element's id hangs from the phase's, however deep it is nested
    for (const node of [building, ...storeys]) expect(node.id).toMatch(new RegExp(`^${escape(phase.id)}/sse=[^/]+$`));
    expect(tree.getParent(storeys[0]!)).toBe(building);
  });

  it('loads each level once: looking again costs no request, and locations bring projects and phases', async () => {
    const { tree } = treeFor(new TestConnection(signedIn(client)));
    await open(tree, ...gebouwB, 'Schetsontwerp', 'Kavel B');
    const before = apiRequests();
    await open(tree, ...gebouwB, 'Schetsontwerp', 'Kavel B');
    await open(tree, 'Demo Vastgoed BV', 'Campus Noord, Utrecht', 'Renovatie Gebouw A');
    expect(apiRequests()).toBe(before);
  });

  it('pages a phase: Load more… with "N of M", the next page without duplicates, then no Load more', async () => {
    const { tree, redrawn } = treeFor(new TestConnection(signedIn(client, 4)));
    const phase = await open(tree, ...gebouwB, 'Voorlopig ontwerp');
    const loadMore = async (): Promise<ExplorerNode> => {
      const rows = await tree.getChildren(phase);
      const row = rows.at(-1)!;
      expect(tree.getTreeItem(row).label).toBe('Load more…');
      expect(row.id).toBe(`${phase.id}/load-more`);
      return row;
    };
    expect(text(tree, await loadMore())).toBe('Load more… | 4 of 11');
    const first = await loadMore();
    expect(tree.getTreeItem(first).command).toMatchObject({ command: 'bimlink.loadMore', arguments: [phase] });
    await tree.loadMore(phase);
    expect(redrawn.at(-1)).toBe(phase);
    expect(text(tree, await loadMore())).toBe('Load more… | 8 of 11');
    await tree.loadMore(phase);
    const ids = await allIds(tree, phase);
    expect(ids.some(id => id.endsWith('/load-more'))).toBe(false);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter(id => id.includes('/sse='))).toHaveLength(11);
  });

  it('Load more on a level that is not paged is a no-op', async () => {
    const { tree } = treeFor(new TestConnection(signedIn(client)));
    const demo = await open(tree, 'Demo Vastgoed BV');
    const rows = await rowsOf(tree, demo);
    const before = [apiRequests(), rows] as const;
    await tree.loadMore(demo);
    expect([apiRequests(), await rowsOf(tree, demo)]).toEqual(before);
  });

  it('refreshes one subtree with one request, keeping the ids, and the whole tree from the top', async () => {
    const { tree, redrawn } = treeFor(new TestConnection(signedIn(client)));
    const phase = await open(tree, ...gebouwB, 'Schetsontwerp');
    const ids = await allIds(tree, phase);
    const before = apiRequests();
    tree.refresh(phase);
    expect(redrawn.at(-1)).toBe(phase);
    expect(await allIds(tree, phase)).toEqual(ids);
    expect(apiRequests()).toBe(before + 1);
    tree.refresh();
    expect(redrawn.at(-1)).toBeUndefined();
    await open(tree, ...gebouwB, 'Schetsontwerp');
    expect(apiRequests()).toBe(before + 3); // the domain accounts and the locations again
  });

  it('shows a failed load as an error row with Retry, at the top as in a phase, and keeps the pages loaded', async () => {
    const { tree, redrawn } = treeFor(new TestConnection(signedIn(client, 4)));
    emulator.faults.set({ errorRate: 1 });
    const [error] = await tree.getChildren();
    expect(error!.id).toBe('root/error');
    expect(tree.getTreeItem(error!)).toMatchObject({ contextValue: 'error', command: { command: 'bimlink.retry', arguments: [undefined] } });
    expect(String(tree.getTreeItem(error!).label)).toMatch(/5\d\d|server/i);
    emulator.faults.reset();
    await tree.retry(undefined);
    expect(redrawn.at(-1)).toBeUndefined();
    expect(await rowsOf(tree)).toEqual(['Demo Vastgoed BV', 'Woonstichting De Linde']);

    const phase = await open(tree, ...gebouwB, 'Voorlopig ontwerp');
    await tree.getChildren(phase);
    emulator.faults.set({ errorRate: 1 });
    await tree.loadMore(phase);
    const ids = await allIds(tree, phase);
    expect(ids.at(-1)).toBe(`${phase.id}/error`);
    expect(ids.filter(id => id.includes('/sse='))).toHaveLength(4);
    emulator.faults.reset();
    const before = apiRequests();
    await tree.retry(phase);
    expect(redrawn.at(-1)).toBe(phase);
    expect(text(tree, (await tree.getChildren(phase)).at(-1)!)).toBe('Load more… | 8 of 11');
    expect(apiRequests()).toBe(before + 1); // the failed page alone: the first stayed loaded
  });

  it('filters any level by name, marks the filtered row, and says when nothing matches', async () => {
    const { tree } = treeFor(new TestConnection(signedIn(client)));
    const demo = await open(tree, 'Demo Vastgoed BV');
    tree.setFilter(demo, 'zorg');
    expect(await rowsOf(tree, demo)).toEqual(['Zorgpark Oost, Amersfoort | Amersfoort']);
    expect(tree.getTreeItem(demo)).toMatchObject({ description: 'filter: zorg', contextValue: 'domainAccount expandable filtered' });
    expect(tree.getFilter(demo)).toBe('zorg');
    const location = await open(tree, 'Demo Vastgoed BV', 'Zorgpark Oost, Amersfoort');
    tree.setFilter(demo, undefined);
    expect(await rowsOf(tree, demo)).toContain('Campus Noord, Utrecht | Utrecht');

    const building = await open(tree, ...gebouwB, 'Schetsontwerp', 'Kavel B', 'Gebouw B', 'Hoofdgebouw');
    tree.setFilter(building, 'KELDER');
    expect(await rowsOf(tree, building)).toEqual(['-01 Kelder | -3.20 m']);
    tree.setFilter(location, 'no such name');
    const [none] = await tree.getChildren(location);
    expect([none!.id, text(tree, none!)]).toEqual([`${location.id}/message=no-match`, 'Nothing here matches "no such name".']);
  });
});

/** The ids of every row under `node`, depth first. */
async function allIds(tree: ReturnType<typeof treeFor>['tree'], node: ExplorerNode): Promise<string[]> {
  const ids: string[] = [];
  for (const child of await tree.getChildren(node)) ids.push(child.id, ...await allIds(tree, child));
  return ids;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
