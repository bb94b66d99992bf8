// Find References (Shift+F12's provider, which the command shares) on real documents of both dialects: what refers
// to a type, and to a storey, counted against the emulator's own data read independently; each match is a Location
// at its name in a document the extension serves; the progress tells the total; a cancel ends the search.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type * as vscode from 'vscode';
import type { Entity } from '../../../src/core/api';
import { sameId } from '../../../src/core/api/ids';
import { EntityReferenceProvider } from '../../../src/vscode/references/findReferences';
import { resetFakeVscode, window } from '../fakes/vscode';
import { DIALECTS } from '../references/support/dialectSessions';
import { cancellation, inside, openDocument, servedDocument, startProviderSession, type ProviderSession } from './support/providerSession';

const sessions = new Map<string, ProviderSession>();
beforeAll(async () => {
  for (const dialect of DIALECTS) sessions.set(dialect, await startProviderSession(dialect, 1200));
});
afterAll(async () => {
  await Promise.all([...sessions.values()].map(s => s.emulator.close()));
});
beforeEach(() => {
  resetFakeVscode();
  sessions.forEach(s => s.emulator.faults.reset());
});

const textOf = (document: vscode.TextDocument, range: vscode.Range) => document.getText().slice(document.offsetAt(range.start), document.offsetAt(range.end));

describe.each(DIALECTS)('Find References (%s)', dialect => {
  const session = () => sessions.get(dialect)!;

  /** Every entity of a collection, read without the extension's code beyond the client. */
  async function all(collection: string): Promise<Entity[]> {
    const s = session();
    const items: Entity[] = [];
    for await (const page of s.client.entityPages({ ...s.scope, collection })) items.push(...page.items);
    return items;
  }

  /** Finds references at the middle of a range, recording the progress notification's title and reports. */
  async function find(document: vscode.TextDocument, start: number, end: number, includeDeclaration = false, token = cancellation().token) {
    const reports: { message?: string }[] = [];
    window.withProgress.mockImplementationOnce(async (options, task) => {
      reports.push({ message: (options as { title: string }).title });
      return task({ report: (value: { message?: string }) => reports.push(value) }, { isCancellationRequested: false, onCancellationRequested: () => ({ dispose() {} }) });
    });
    const s = session();
    const locations = await new EntityReferenceProvider(s.services, s.files).provideReferences(document, inside(document, start, end), { includeDeclaration }, token);
    return { locations: locations!, reports };
  }

  it('a type\'s own id: its instances, properties and documents, each at its name in a served document', async () => {
    const s = session();
    const [instances, properties, documents] = await Promise.all(['objectinstances', 'properties', 'documents'].map(all));
    const typeId = s.field(instances![0]!, 'objectTypeId');
    const document = await openDocument(s, { kind: 'entity', ...s.scope, collection: 'objecttypes', entityId: typeId });
    const own = (await s.services.scanOf(document))!.scan.ownIds[0]!;
    const { locations, reports } = await find(document, own.start, own.end, true);

    const refers = (e: Entity) => sameId(s.field(e, 'objectTypeId'), typeId);
    const expected = [...instances!, ...properties!, ...documents!].filter(refers);
    expect(expected.length).toBeGreaterThan(1);
    expect(locations).toHaveLength(expected.length + 1);
    expect(locations[0]!.uri.toString()).toBe(document.uri.toString()); // the declaration first, when asked for
    expect(textOf(document, locations[0]!.range)).toBe(typeId);

    const names: string[] = [];
    for (const location of locations.slice(1)) {
      const served = await servedDocument(s, location.uri);
      const json = JSON.parse(served.getText()) as { referringTo: { collection: string; id: string }; items: Entity[] };
      expect(json.referringTo).toMatchObject({ collection: 'objecttypes', id: typeId });
      names.push(textOf(served, location.range));
      expect(json.items.every(refers)).toBe(true);
    }
    expect(names.sort()).toEqual(expected.map(e => s.field(e, 'name')).sort());
    const read = (instances!.length + properties!.length + documents!.length).toLocaleString('en');
    expect(reports[0]!.message).toMatch(/^Finding what refers to .+…$/);
    expect(reports.at(-1)!.message).toBe(`${expected.length.toLocaleString('en')} found · ${read} of ${read} entities read`);
  });

  it('a page\'s storey: the instances and spaces on it, and the elements under it', async () => {
    const s = session();
    const elements = await s.client.getSpatialStructure(s.scope);
    const storey = elements.find(e => e.type === 'Storey' && e.name === '00 Begane grond')!;
    const document = await openDocument(s, { kind: 'page', ...s.scope, collection: 'objectinstances', storeyId: storey.id, offset: 0, limit: 10 }, storey.name);
    const header = (await s.services.scanOf(document))!.scan.references.find(r => r.entity === -1)!;
    const { locations } = await find(document, header.start, header.end);
    const on = (e: Entity) => sameId(s.field(e, 'spatialStructureElementId'), storey.id);
    const expected = (await all('objectinstances')).filter(on).length + (await all('spaces')).filter(on).length
      + elements.filter(e => sameId(e.parentId ?? undefined, storey.id)).length;
    expect(expected).toBeGreaterThan(10);
    expect(locations).toHaveLength(expected);
  });

  it('a cancel ends the search, with nothing to show', async () => {
    const s = session();
    const document = await openDocument(s, { kind: 'page', ...s.scope, collection: 'objecttypes', offset: 0, limit: 1 });
    const own = (await s.services.scanOf(document))!.scan.ownIds[0]!;
    s.emulator.faults.set({ latencyMs: 2000 });
    const { token, cancel } = cancellation();
    const started = Date.now();
    const finding = find(document, own.start, own.end, false, token);
    setTimeout(cancel, 50);
    expect((await finding).locations).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(1500);
  });
});
