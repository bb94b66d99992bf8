// Hovers on real pages of both emulator dialects: the referenced entity's name and kind (a storey's place and
// elevation), as text and never as markup; a page's hovers resolved with a few requests and then from the cache;
// a hover the editor cancels stops waiting at once.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type * as vscode from 'vscode';
import type { ReferenceSpan } from '../../../src/core/references/documentScan';
import { markdownText } from '../../../src/core/text/untrustedText';
import { ReferenceHoverProvider } from '../../../src/vscode/references/hovers';
import { DIALECTS } from '../references/support/dialectSessions';
import { cancellation, inside, openDocument, startProviderSession, type ProviderSession } from './support/providerSession';

const sessions = new Map<string, ProviderSession>();
beforeAll(async () => {
  for (const dialect of DIALECTS) sessions.set(dialect, await startProviderSession(dialect));
});
afterAll(async () => {
  await Promise.all([...sessions.values()].map(s => s.emulator.close()));
});
afterEach(() => sessions.forEach(s => { s.emulator.faults.reset(); s.services.forget(); }));

type Markdown = vscode.MarkdownString;

describe.each(DIALECTS)('hovers (%s)', dialect => {
  const session = () => sessions.get(dialect)!;

  async function hoverOn(document: vscode.TextDocument, key: string, index = 0, token = cancellation().token) {
    const s = session();
    const scanned = (await s.services.scanOf(document))!;
    const reference: ReferenceSpan = scanned.scan.references.filter(r => r.key === s.spelling.key(key))[index]!;
    const hover = await new ReferenceHoverProvider(s.services).provideHover(document, inside(document, reference.start, reference.end), token);
    return { reference, hover, markdown: hover?.contents[0] as Markdown | undefined };
  }

  it('a type: its name and IFC class, escaped, in Markdown that runs nothing; the range is the id', async () => {
    const s = session();
    const document = await openDocument(s, { kind: 'page', ...s.scope, collection: 'objectinstances', offset: 0, limit: 100 });
    const { reference, hover, markdown } = await hoverOn(document, 'objectTypeId');
    const type = await s.client.getEntity({ ...s.scope, collection: 'objecttypes' }, reference.id);
    expect(markdown!.value).toBe(`**${markdownText(s.field(type, 'name'))}** · ${markdownText(s.field(type, 'ifcType'))}\n\n${markdownText(`objecttypes · ${s.field(type, 'id')}`)}`);
    expect([markdown!.isTrusted, markdown!.supportHtml, markdown!.supportThemeIcons]).toEqual([false, false, false]);
    expect(document.offsetAt(hover!.range!.start)).toBe(reference.start);
    expect(document.offsetAt(hover!.range!.end)).toBe(reference.end);
  });

  it('a storey: its path from the top, its kind and elevation', async () => {
    const s = session();
    const document = await openDocument(s, { kind: 'page', ...s.scope, collection: 'objectinstances', offset: 0, limit: 10 });
    const { reference, markdown } = await hoverOn(document, 'spatialStructureElementId');
    const elements = await s.client.getSpatialStructure(s.scope);
    const storey = elements.find(e => e.id === reference.id)!;
    const [title, place] = markdown!.value.split('\n\n');
    expect(title).toBe(`**${markdownText(storey.name)}** · Storey`);
    const path: string[] = [];
    for (let e: typeof storey | undefined = storey; e; e = elements.find(p => p.id === e!.parentId)) path.unshift(e.name);
    expect(path.length).toBeGreaterThanOrEqual(3); // Kavel B › Gebouw B › … › 00 Begane grond
    expect(place).toBe(markdownText(`${path.join(' › ')}, elevation ${storey.elevation!.toFixed(2)} m`));
  });

  it('a page\'s hovers: a few requests for all of them, then none', async () => {
    const s = session();
    const document = await openDocument(s, { kind: 'page', ...s.scope, collection: 'objectinstances', offset: 0, limit: 100 });
    await s.services.scanOf(document); // the table is read once per client, not per hover
    const before = s.apiRequests();
    const hovers = await Promise.all(Array.from({ length: 100 }, (_, i) => hoverOn(document, i % 2 ? 'objectTypeId' : 'spatialStructureElementId', i >> 1)));
    expect(hovers.every(h => h.markdown?.value.startsWith('**'))).toBe(true);
    expect(s.apiRequests() - before).toBeLessThanOrEqual(3); // the types in one or two pages, the spatial structure once
    const cached = s.apiRequests();
    await hoverOn(document, 'objectTypeId', 7);
    expect(s.apiRequests()).toBe(cached);
  });

  it('a hostile storey name is shown as text: no link, no command', async () => {
    const s = session();
    s.emulator.faults.set({ hostileNames: true });
    const document = await openDocument(s, { kind: 'page', ...s.scope, collection: 'objectinstances', offset: 0, limit: 10 });
    const { markdown } = await hoverOn(document, 'spatialStructureElementId');
    expect(markdown!.value).toContain('\\[');
    expect(markdown!.value).not.toMatch(/[^\\]\]\(command:/);
    expect(markdown!.isTrusted).toBe(false);
  });

  it('an unknown id says so; a cancelled hover ends at once with nothing', async () => {
    const s = session();
    const document = await openDocument(s, { kind: 'page', ...s.scope, collection: 'objectinstances', offset: 0, limit: 1 });
    const key = s.spelling.key('objectTypeId');
    const unknown = '00000000-0000-4000-8000-00000000abcd';
    const edited = { ...document, getText: () => document.getText().replace(new RegExp(`("${key}": )"[^"]*"`), `$1"${unknown}"`), uri: document.uri.with({ query: 'edited' }) };
    const missing = await hoverOn(edited as vscode.TextDocument, 'objectTypeId');
    expect(missing.markdown!.value).toBe(markdownText(`No objecttypes entity has the id ${unknown} in this project phase.`));

    s.services.forget();
    s.emulator.faults.set({ latencyMs: 2000 });
    const { token, cancel } = cancellation();
    const started = Date.now();
    const hovering = hoverOn(document, 'objectTypeId', 0, token);
    setTimeout(cancel, 50);
    expect((await hovering).hover).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(1500);
  });
});
