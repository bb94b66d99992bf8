// Child process: what the document-link, outline and hover providers compute for a real 1,000-entity page of object
// instances. The page is rendered exactly as src/vscode/documents/entityDocuments.ts renders it (JSON.stringify(value,
// null, 2) and a newline, UTF-8 there and back, as the document holds it); each run scans it (references, own ids,
// symbols) and builds every link's target, the address of the entity's own document (entityDocumentUri in
// entityDocuments.ts: entityDocumentPath and pageStateQuery; only vscode.Uri.from and positionAt are left out). Hovers: every reference of the page resolved once (as the providers warm the cache), then each
// hover finds the reference under its cursor in the page's scan, asks the resolver's cache and builds its Markdown.
import { performance } from 'node:perf_hooks';
import { BimlinkClient } from '../../../src/core/api/client';
import { entityDocumentPath, pageStateQuery } from '../../../src/core/model/entityDocument';
import { staticTokenSource } from '../../../src/core/api/tokenSource';
import { scanEntityDocument, type ReferenceSpan } from '../../../src/core/references/documentScan';
import { EntityLookup } from '../../../src/core/references/entityLookup';
import { EntityResolver, type ResolvedEntity } from '../../../src/core/references/entityResolver';
import { ReferenceTable } from '../../../src/core/references/referenceTable';
import { tooltipMarkdown } from '../../../src/core/text/tooltipMarkdown';
import { childMain } from '../child';
import { JOB_ENV, jobOf, type LinksResult, type PhaseJob } from './job';

const PAGE_SIZE = 1000;
const SCAN_WARMUP = 50;
const SCAN_RUNS = 500;
const HOVER_WARMUP = 5_000;
const HOVER_RUNS = 50_000;

/** The page document's text, as the extension renders a page (see entityDocuments.ts `load` and `render`). */
function renderPage(job: PhaseJob, collection: string, page: { offset: number; limit: number; items: unknown[]; total?: number }): string {
  const bytes = new TextEncoder().encode(`${JSON.stringify({
    collection,
    domainAccountId: job.domainAccountId,
    projectPhaseId: job.projectPhaseId,
    page: { offset: page.offset, limit: page.limit, count: page.items.length, total: page.total ?? null },
    items: page.items,
  }, null, 2)}\n`);
  return new TextDecoder().decode(bytes);
}

/** A link's target: the path and query of the referred entity's own document, as entityDocumentUri makes them. */
function linkTarget(scope: { domainAccountId: string; projectPhaseId: string }, r: ReferenceSpan): string {
  const ref = { kind: 'entity', ...scope, collection: r.target, entityId: r.id } as const;
  return `${entityDocumentPath(ref, `${r.target} · ${r.id}`)}?${pageStateQuery({})}`;
}

/** The reference whose range holds `offset` (the references come in document order). */
function referenceAt(references: readonly ReferenceSpan[], offset: number): ReferenceSpan | undefined {
  let low = 0;
  let high = references.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const r = references[middle]!;
    if (offset < r.start) high = middle - 1;
    else if (offset > r.end) low = middle + 1;
    else return r;
  }
  return undefined;
}

/** A hover's plain content for a resolved entity, with the core's text helpers (Markdown, every server text escaped). */
function hoverText(entity: ResolvedEntity): string {
  return tooltipMarkdown(entity.label || entity.id, {
    type: entity.kind,
    collection: entity.collection,
    id: entity.id,
    place: entity.place?.path.join(' › '),
    elevation: entity.place?.elevation,
  });
}

function timeEach(warmup: number, runs: number, run: (i: number) => void): number[] {
  for (let i = 0; i < warmup; i++) run(i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run(i);
    times.push(performance.now() - start);
  }
  return times;
}

childMain(async (): Promise<LinksResult> => {
  const job = jobOf<PhaseJob>(JOB_ENV);
  const client = new BimlinkClient({ baseUrl: job.baseUrl, fetch: globalThis.fetch, tokens: staticTokenSource(job.token) });
  const scope = { domainAccountId: job.domainAccountId, projectPhaseId: job.projectPhaseId };
  const table = await ReferenceTable.of(client);
  const collection = 'objectinstances';
  const offset = 2 * PAGE_SIZE; // a page from the middle of nothing in particular: not the first
  const page = await client.getEntityPage({ ...scope, collection }, { offset, limit: PAGE_SIZE });
  if (page.items.length !== PAGE_SIZE) throw new Error(`the page holds ${page.items.length} entities, expected ${PAGE_SIZE}`);
  const text = renderPage(job, collection, { offset, limit: page.limit, items: page.items, total: page.total });

  let sink = 0;
  const scanMs = timeEach(SCAN_WARMUP, SCAN_RUNS, () => {
    const scan = scanEntityDocument(text, table);
    for (const r of scan.references) sink += linkTarget(scope, r).length;
    sink += scan.symbols.length;
  });
  const scanOnlyMs = timeEach(SCAN_WARMUP, SCAN_RUNS / 2, () => {
    sink += scanEntityDocument(text, table).references.length;
  });
  const scan = scanEntityDocument(text, table);
  if (scan.symbols.length !== PAGE_SIZE) throw new Error(`the scan found ${scan.symbols.length} symbols, expected ${PAGE_SIZE}`);
  if (scan.references.length === 0) throw new Error('the scan found no references');

  const resolver = new EntityResolver(client, { lookup: new EntityLookup(client) });
  const resolvedAll = await Promise.all(scan.references.map(r => resolver.resolve(scope, r.target, r.id)));
  const resolved = resolvedAll.filter(r => r !== undefined).length;
  // cursors in the middle of each reference in turn, round the page
  const cursors = scan.references.map(r => (r.start + r.end) >> 1);
  let missed = 0;
  const hoverMs = timeEach(HOVER_WARMUP, HOVER_RUNS, i => {
    const reference = referenceAt(scan.references, cursors[i % cursors.length]!);
    const entity = reference && resolver.cached(scope, reference.target, reference.id);
    if (entity) sink += hoverText(entity).length;
    else missed++;
  });
  if (missed) throw new Error(`${missed} hovers found nothing in the cache`);
  if (sink === 0) throw new Error('nothing was computed');
  return { entities: page.items.length, chars: text.length, references: scan.references.length, symbols: scan.symbols.length, scanMs, scanOnlyMs, hoverMs, resolved };
});
