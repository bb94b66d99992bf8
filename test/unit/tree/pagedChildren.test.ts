// The one loader behind every level of the explorer, with a scripted source: pages, Load more, Retry, reset, filter.
import { describe, expect, it } from 'vitest';
import * as vscode from 'vscode';
import type { ExplorerNode } from '../../../src/vscode/tree/explorerNode';
import { alreadyLoaded, onePage, PagedChildren, type LevelPage, type LevelSource } from '../../../src/vscode/tree/pagedChildren';

interface Item { readonly id: string; readonly name: string }

const owner: ExplorerNode = { id: 'scope/da=1', parent: undefined, treeItem: () => new vscode.TreeItem('owner') };

/** A row per item, as a level's nodes are: its id under the owner, its name as label. */
const present = (items: readonly Item[]): ExplorerNode[] => items.map(item => ({
  id: `${owner.id}/x=${item.id}`, parent: owner, dataId: item.id, treeItem: () => new vscode.TreeItem(item.name),
}));

const items = (...names: string[]): Item[] => names.map(name => ({ id: name.toLowerCase(), name }));

/** What a level shows, as the user reads it: labels, and the description of a status row that has one. */
async function shown(level: PagedChildren<Item>, filter?: string): Promise<string[]> {
  return (await level.children(filter)).map(node => {
    const treeItem = node.treeItem();
    return [treeItem.label, treeItem.description].filter(Boolean).join(' | ');
  });
}

/** A source whose pages are answered by the test, one request at a time. */
function scripted(empty?: LevelSource<Item>['empty']) {
  const requests: { offset: number; signal: AbortSignal; answer(page: LevelPage<Item>): void; fail(error: Error): void }[] = [];
  const source: LevelSource<Item> = {
    loadPage: (offset, signal) => new Promise((resolve, reject) => { requests.push({ offset, signal, answer: resolve, fail: reject }); }),
    present,
    empty,
  };
  return { requests, level: new PagedChildren(owner, source) };
}

const labels = (nodes: ExplorerNode[]) => nodes.map(node => node.treeItem().label);
const settle = () => new Promise(resolve => setTimeout(resolve, 0));

describe('PagedChildren', () => {
  it('shows a level of one page, loaded once however often it is looked at', async () => {
    let loads = 0;
    const level = new PagedChildren(owner, { loadPage: onePage(async () => { loads++; return items('Beta', 'Alpha'); }), present });
    expect(await shown(level)).toEqual(['Beta', 'Alpha']);
    const first = await level.children();
    expect(await level.children()).toEqual(first); // the same nodes: what they loaded stays loaded
    expect(loads).toBe(1);
  });

  it('resolves a level built from data already loaded, and says so when it is empty', async () => {
    const empty = { key: 'empty', message: 'No projects you can see at this location.' };
    expect(await shown(new PagedChildren(owner, { loadPage: alreadyLoaded(items('P1')), present, empty }))).toEqual(['P1']);
    const nothing = await new PagedChildren(owner, { loadPage: alreadyLoaded<Item>([]), present, empty }).children();
    expect(nothing.map(node => [node.id, node.treeItem().label])).toEqual([['scope/da=1/message=empty', empty.message]]);
  });

  it('ends a paged level in Load more…, with "N of M", and adds the next page merged by id', async () => {
    const { requests, level } = scripted();
    const first = level.children();
    requests[0]!.answer({ items: items('A', 'B'), total: 5, done: false });
    expect(await first).toHaveLength(3);
    expect(await shown(level)).toEqual(['A', 'B', 'Load more… | 2 of 5']);
    expect((await level.children()).at(-1)?.id).toBe('scope/da=1/load-more');

    const more = level.loadMore();
    expect(requests[1]!.offset).toBe(2);
    requests[1]!.answer({ items: items('B', 'C', 'D'), total: 5, done: false });
    await more;
    expect(await shown(level)).toEqual(['A', 'B', 'C', 'D', 'Load more… | 4 of 5']);

    const last = level.loadMore();
    expect(requests[2]!.offset).toBe(5);
    requests[2]!.answer({ items: items('E'), done: true });
    await last;
    expect(await shown(level)).toEqual(['A', 'B', 'C', 'D', 'E']);
    await level.loadMore(); // all loaded: no request
    expect(requests).toHaveLength(3);
  });

  it('says "N shown" when the server gives no total', async () => {
    const level = new PagedChildren(owner, { loadPage: async () => ({ items: items('A'), done: false }), present });
    expect(await shown(level)).toEqual(['A', 'Load more… | 1 shown']);
  });

  it('turns a failed Load more into an error row with Retry under the pages kept, and Retry loads the same page', async () => {
    const { requests, level } = scripted();
    const first = level.children();
    requests[0]!.answer({ items: items('A', 'B'), done: false });
    await first;
    const more = level.loadMore();
    requests[1]!.fail(new Error('The server answered 503.'));
    await more;
    const rows = await level.children();
    expect(rows.map(node => node.treeItem().label)).toEqual(['A', 'B', 'The server answered 503.']);
    expect(rows[2]!.id).toBe('scope/da=1/error');
    expect(rows[2]!.treeItem().command).toMatchObject({ command: 'bimlink.retry', arguments: [owner] });
    // shown once: the next look offers Load more again
    expect(await shown(level)).toEqual(['A', 'B', 'Load more… | 2 shown']);

    const retry = level.loadMore();
    expect(requests[2]!.offset).toBe(2);
    requests[2]!.answer({ items: items('C'), done: true });
    await retry;
    expect(await shown(level)).toEqual(['A', 'B', 'C']);
  });

  it('shows a failed first load as the error alone to every look awaiting it, and loads again on the next look', async () => {
    const { requests, level } = scripted({ key: 'empty', message: 'Nothing here.' });
    const looks = [level.children(), level.children()];
    expect(requests).toHaveLength(1);
    requests[0]!.fail(new Error('offline'));
    for (const look of looks) expect(labels(await look)).toEqual(['offline']);
    const again = level.children();
    expect(requests).toHaveLength(2);
    requests[1]!.answer({ items: [], done: true });
    expect(labels(await again)).toEqual(['Nothing here.']);
  });

  it('never shows an answer that arrives after a reset, and aborts its request', async () => {
    const { requests, level } = scripted();
    const look = level.children();
    level.reset();
    expect(requests[0]!.signal.aborted).toBe(true);
    requests[0]!.answer({ items: items('Stale'), done: true });
    await settle();
    expect(requests).toHaveLength(2); // the look waiting asks again, for the level as it is now
    expect(requests[1]!.offset).toBe(0);
    requests[1]!.answer({ items: items('Fresh'), done: true });
    expect(labels(await look)).toEqual(['Fresh']);
  });

  it('shows no error for a load a reset aborted, and drops the pages a Load more under way would have added', async () => {
    const { requests, level } = scripted();
    const first = level.children();
    requests[0]!.answer({ items: items('A'), done: false });
    await first;
    const more = level.loadMore();
    level.reset();
    requests[1]!.fail(new DOMException('aborted', 'AbortError'));
    await more;
    const look = level.children();
    expect(requests[2]!.offset).toBe(0);
    requests[2]!.answer({ items: items('A2'), done: true });
    expect(labels(await look)).toEqual(['A2']);
  });

  it('filters by label, ignoring case, keeps status rows, and says when nothing matches', async () => {
    const paged = new PagedChildren(owner, { loadPage: async () => ({ items: items('Campus Noord', 'Zorgpark Oost'), done: false }), present });
    expect(await shown(paged, 'ZORG')).toEqual(['Zorgpark Oost', 'Load more… | 2 shown']);
    const level = new PagedChildren(owner, { loadPage: alreadyLoaded(items('Campus Noord')), present });
    const none = await level.children('xyz');
    expect(none.map(node => [node.id, node.treeItem().label])).toEqual([['scope/da=1/message=no-match', 'Nothing here matches "xyz".']]);
    expect(await shown(level)).toEqual(['Campus Noord']); // a filter hides rows, it does not forget them
  });

  it('treats an empty page that claims more as the last, so Load more is not offered for ever', async () => {
    const pages = [items('A'), []];
    const level = new PagedChildren(owner, { loadPage: async () => ({ items: pages.shift() ?? [], total: 9, done: false }), present });
    expect(await shown(level)).toEqual(['A', 'Load more… | 1 of 9']);
    await level.loadMore();
    expect(await shown(level)).toEqual(['A']);
  });
});
