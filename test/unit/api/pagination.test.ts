// The pagination iterator against scripted pages (no server): every way headers can be missing or lie.
import { describe, expect, it } from 'vitest';
import type { Page } from '../../../src/core/api/dto';
import { MalformedResponseError } from '../../../src/core/api/errors';
import { describePage, paginate, readPaginationHeaders, type PageFetcher, type PaginationHeaders } from '../../../src/core/api/pagination';
import { RecentIds } from '../../../src/core/api/recentIds';

interface Item { id: string }
const label = { method: 'GET', path: '/items' };
const ids = (from: number, to: number): Item[] => Array.from({ length: Math.max(0, to - from) }, (_, i) => ({ id: `id-${from + i}` }));

/** A collection of `size` items served by offset, with headers chosen per call. */
function server(size: number, headers: (offset: number, limit: number) => PaginationHeaders = (offset, limit) => ({ offset, limit, total: size })) {
  const calls: Array<{ offset: number; limit: number }> = [];
  const fetchPage: PageFetcher<Item> = async (offset, limit) => {
    calls.push({ offset, limit });
    await new Promise(r => setTimeout(r, 1));
    return { items: ids(offset, Math.min(size, offset + limit)), headers: headers(offset, limit) };
  };
  return { calls, fetchPage };
}

async function collect(iterable: AsyncIterable<Page<Item>>): Promise<{ pages: Page<Item>[]; items: string[] }> {
  const pages: Page<Item>[] = [];
  for await (const page of iterable) pages.push(page);
  return { pages, items: pages.flatMap(p => p.items.map(i => i.id)) };
}

const options = (limit: number, extra: object = {}) => ({ limit, idOf: (i: Item) => i.id, label, ...extra });

describe('readPaginationHeaders', () => {
  it('reads plain non-negative integers only', () => {
    const h = new Headers({ 'Pagination-Limit': '100', 'Pagination-Offset': '200', 'Pagination-Result': '1234' });
    expect(readPaginationHeaders(h)).toEqual({ limit: 100, offset: 200, total: 1234 });
    const bad = new Headers({ 'Pagination-Limit': 'ten', 'Pagination-Offset': '-1', 'Pagination-Result': '1e3' });
    expect(readPaginationHeaders(bad)).toEqual({ limit: undefined, offset: undefined, total: undefined });
  });
});

describe('describePage', () => {
  it('believes a total that fits, and proves one on a short page', () => {
    expect(describePage({ total: 250 }, 100, 100, 100)).toEqual({ served: 100, last: false, total: 250 });
    expect(describePage({ total: 50 }, 100, 100, 100)).toEqual({ served: 100, last: false, total: undefined });
    expect(describePage({ total: 9999 }, 200, 100, 50)).toEqual({ served: 100, last: true, total: 250 });
    expect(describePage({}, 500, 100, 0)).toEqual({ served: 100, last: true, total: undefined });
    expect(describePage({ limit: 20 }, 0, 100, 20)).toEqual({ served: 20, last: false, total: undefined });
  });
});

describe('paginate', () => {
  it('reads every item once, in order, with correct headers (prefetching)', async () => {
    const { calls, fetchPage } = server(1050);
    const { pages, items } = await collect(paginate(fetchPage, options(100)));
    expect(items).toEqual(ids(0, 1050).map(i => i.id));
    expect(pages.map(p => p.offset)).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
    expect(pages.every(p => p.total === 1050)).toBe(true);
    expect(calls.length).toBe(11); // never asks past the total
  });

  it('asks once past a total that ends on a page boundary (the total could be a lie)', async () => {
    const { calls, fetchPage } = server(300);
    const { items } = await collect(paginate(fetchPage, options(100)));
    expect(items.length).toBe(300);
    expect(calls.map(c => c.offset)).toEqual([0, 100, 200, 300]);
  });

  it('works sequentially without any headers and stops on the short page', async () => {
    const { calls, fetchPage } = server(250, () => ({}));
    const { pages, items } = await collect(paginate(fetchPage, options(100)));
    expect(items.length).toBe(250);
    expect(calls.map(c => c.offset)).toEqual([0, 100, 200]);
    expect(pages.map(p => p.total)).toEqual([undefined, undefined, 250]);
  });

  it('stops on the short page when the total lies high, without endless requests', async () => {
    const { calls, fetchPage } = server(250, (offset, limit) => ({ offset, limit, total: 1_000_000 }));
    const { items, pages } = await collect(paginate(fetchPage, options(100, { prefetch: 4 })));
    expect(items.length).toBe(250);
    expect(calls.length).toBeLessThanOrEqual(3 + 4); // at most the prefetch window is wasted
    expect(pages.at(-1)!.total).toBe(250);
  });

  it('keeps reading past a total that lies low', async () => {
    const { fetchPage } = server(450, (offset, limit) => ({ offset, limit, total: 100 }));
    const { items } = await collect(paginate(fetchPage, options(100)));
    expect(items).toEqual(ids(0, 450).map(i => i.id));
  });

  it('never yields an id twice when pages overlap', async () => {
    // a collection that shifts by 10 while it is being read: every page repeats the previous page's last 10
    const fetchPage: PageFetcher<Item> = async (offset, limit) => {
      const from = Math.max(0, offset - 10);
      return { items: ids(from, Math.min(330, from + limit)), headers: {} };
    };
    const { items } = await collect(paginate(fetchPage, options(100)));
    expect(new Set(items).size).toBe(items.length);
    expect(items).toEqual(ids(0, 330).map(i => i.id));
  });

  it('stops when the server ignores offset and repeats the same page', async () => {
    let calls = 0;
    const fetchPage: PageFetcher<Item> = async () => {
      calls++;
      return { items: ids(0, 100), headers: { total: 1_000_000 } };
    };
    const { items } = await collect(paginate(fetchPage, options(100)));
    expect(items.length).toBe(100);
    expect(calls).toBeLessThanOrEqual(5);
  });

  it('cannot loop forever: a hard page cap ends an endless stream of fresh full pages with an error', async () => {
    let n = 0;
    const fetchPage: PageFetcher<Item> = async (_offset, limit) => ({ items: ids(n, (n += limit)), headers: {} });
    const seen: string[] = [];
    const run = async () => {
      for await (const page of paginate(fetchPage, options(10, { maxPages: 25 }))) seen.push(...page.items.map(i => i.id));
    };
    await expect(run()).rejects.toBeInstanceOf(MalformedResponseError);
    expect(seen.length).toBe(250);
  });

  it('adapts when the server serves fewer per page than asked (Pagination-Limit)', async () => {
    const size = 130;
    const calls: number[] = [];
    const fetchPage: PageFetcher<Item> = async (offset, limit) => {
      calls.push(offset);
      const served = Math.min(limit, 40);
      return { items: ids(offset, Math.min(size, offset + served)), headers: { offset, limit: served, total: size } };
    };
    const { items, pages } = await collect(paginate(fetchPage, options(100)));
    expect(items).toEqual(ids(0, size).map(i => i.id));
    expect(pages[0]!.limit).toBe(40);
  });

  it('starts at an offset', async () => {
    const { fetchPage } = server(500);
    const { items } = await collect(paginate(fetchPage, options(100, { offset: 350 })));
    expect(items).toEqual(ids(350, 500).map(i => i.id));
  });

  it('stops prefetching when the consumer breaks out', async () => {
    const aborted: number[] = [];
    const fetchPage: PageFetcher<Item> = (offset, limit, signal) => new Promise(resolve => {
      signal.addEventListener('abort', () => aborted.push(offset));
      setTimeout(() => resolve({ items: ids(offset, offset + limit), headers: { offset, limit, total: 10_000 } }), offset === 0 ? 1 : 50);
    });
    for await (const page of paginate(fetchPage, options(100, { prefetch: 3 }))) {
      expect(page.offset).toBe(0);
      break;
    }
    expect(aborted.length).toBeGreaterThan(0);
  });
});

describe('RecentIds', () => {
  const id = (i: number) => `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;

  it('answers exactly for many ids within its window', () => {
    const seen = new RecentIds(300_000);
    let fresh = 0;
    for (let i = 0; i < 200_000; i++) if (seen.add(id(i))) fresh++;
    expect(fresh).toBe(200_000);
    expect(seen.size).toBe(200_000);
    let again = 0;
    for (let i = 0; i < 200_000; i += 7) if (seen.add(id(i))) again++;
    expect(again).toBe(0);
    expect(seen.add('')).toBe(true);
    expect(seen.add('')).toBe(false);
  });

  it('keeps at least the window and at most twice it, however many ids come (flat memory)', () => {
    const window = 10_000;
    const seen = new RecentIds(window);
    seen.reserve(1e12); // a lying total cannot make it allocate without bound either
    let fresh = 0;
    let mostRemembered = 0;
    for (let i = 0; i < 1_000_000; i++) {
      if (seen.add(id(i))) fresh++;
      mostRemembered = Math.max(mostRemembered, seen.size);
    }
    expect(fresh).toBe(1_000_000);
    expect(mostRemembered).toBeLessThan(2 * window);
    let repeatsTaken = 0;
    for (let i = 1_000_000 - window; i < 1_000_000; i++) if (seen.add(id(i))) repeatsTaken++;
    expect(repeatsTaken).toBe(0);
    expect(seen.add(id(0))).toBe(true); // long forgotten
  });
});
