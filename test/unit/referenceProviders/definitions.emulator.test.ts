// Go to Definition on real pages of both dialects, and single-entity documents where the server has no route for
// one entity: the definition is the referenced entity's own document at its name; a spatial element's document is
// found in its collection (the emulator serves no `…/spatialstructureelements/<id>`), which a long search shows.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as vscode from 'vscode';
import { sameId } from '../../../src/core/api/ids';
import { parseEntityDocumentPath } from '../../../src/core/model/entityDocument';
import { SPATIAL_STRUCTURE } from '../../../src/core/references/referenceTable';
import type { Connection } from '../../../src/vscode/connection/connection';
import { EntityDocuments } from '../../../src/vscode/documents/entityDocuments';
import { ReferenceDefinitionProvider } from '../../../src/vscode/references/definitions';
import { resetFakeVscode, window } from '../fakes/vscode';
import { DIALECTS } from '../references/support/dialectSessions';
import { cancellation, inside, openDocument, servedDocument, startProviderSession, type ProviderSession } from './support/providerSession';

const sessions = new Map<string, ProviderSession>();
beforeAll(async () => {
  for (const dialect of DIALECTS) sessions.set(dialect, await startProviderSession(dialect));
});
afterAll(async () => {
  await Promise.all([...sessions.values()].map(s => s.emulator.close()));
});
beforeEach(resetFakeVscode);

const textOf = (document: vscode.TextDocument, range: vscode.Range) => document.getText().slice(document.offsetAt(range.start), document.offsetAt(range.end));
const unknown = '00000000-0000-4000-8000-00000000abcd';

describe.each(DIALECTS)('Go to Definition (%s)', dialect => {
  const session = () => sessions.get(dialect)!;

  async function definitionOf(key: string) {
    const s = session();
    const document = await openDocument(s, { kind: 'page', ...s.scope, collection: 'objectinstances', offset: 0, limit: 20 });
    const reference = (await s.services.scanOf(document))!.scan.references.find(r => r.key === s.spelling.key(key))!;
    const provider = new ReferenceDefinitionProvider(s.services, s.documents, s.files);
    const location = await provider.provideDefinition(document, inside(document, reference.start, reference.end), cancellation().token);
    return { reference, location: location!, target: await servedDocument(s, location!.uri) };
  }

  it('an object type: its own document, at its name', async () => {
    const s = session();
    const { reference, location, target } = await definitionOf('objectTypeId');
    expect(parseEntityDocumentPath(location.uri.path)).toEqual({ kind: 'entity', ...s.scope, collection: 'objecttypes', entityId: reference.id });
    const type = (JSON.parse(target.getText()) as { entity: Record<string, unknown> }).entity;
    expect(sameId(s.field(type, 'id'), reference.id)).toBe(true);
    expect(textOf(target, location.range)).toBe(s.field(type, 'name'));
  });

  it('a storey: its own document, found in the spatial structure, at its name', async () => {
    const s = session();
    const { reference, location, target } = await definitionOf('spatialStructureElementId');
    expect(parseEntityDocumentPath(location.uri.path)).toMatchObject({ collection: SPATIAL_STRUCTURE, entityId: reference.id });
    const storey = (await s.client.getSpatialStructure(s.scope)).find(e => sameId(e.id, reference.id))!;
    expect(textOf(target, location.range)).toBe(storey.name);
  });

  it('nothing off a reference', async () => {
    const s = session();
    const document = await openDocument(s, { kind: 'page', ...s.scope, collection: 'objectinstances', offset: 0, limit: 1 });
    const provider = new ReferenceDefinitionProvider(s.services, s.documents, s.files);
    expect(await provider.provideDefinition(document, new vscode.Position(1, 3), cancellation().token)).toBeUndefined();
  });
});

describe.each(DIALECTS)('single-entity documents without a route (%s)', dialect => {
  const session = () => sessions.get(dialect)!;

  it('a spatial element opens only with the lookup: the route alone answers 404', async () => {
    const s = session();
    const element = (await s.client.getSpatialStructure(s.scope)).at(-1)!;
    const ref = { kind: 'entity', ...s.scope, collection: SPATIAL_STRUCTURE, entityId: element.id } as const;
    const plain = new EntityDocuments({ state: { kind: 'signedIn', client: s.client, pageSize: 100 } } as unknown as Connection);
    await expect(plain.load(ref, {}, new AbortController().signal)).rejects.toThrow(/found nothing/);
    const loaded = await s.documents.load(ref, {}, new AbortController().signal);
    expect(JSON.parse(new TextDecoder().decode(loaded.content))).toEqual({ collection: SPATIAL_STRUCTURE, ...s.scope, entity: element.data });
    expect(window.withProgress).not.toHaveBeenCalled(); // one page: nothing to show
  });

  it('a long search shows its progress, and an id that is nowhere says so', async () => {
    const s = session();
    const reports: { message?: string }[] = [];
    window.withProgress.mockImplementationOnce(async (options, task) => {
      reports.push({ message: (options as { title: string }).title });
      return task({ report: (value: { message?: string }) => reports.push(value) }, { isCancellationRequested: false, onCancellationRequested: () => ({ dispose() {} }) });
    });
    const ref = { kind: 'entity', ...s.scope, collection: 'objectinstances', entityId: unknown } as const;
    await expect(s.documents.load(ref, {}, new AbortController().signal)).rejects.toThrow(`No objectinstances entity has the id ${unknown} in this project phase`);
    expect(reports[0]!.message).toMatch(/^Looking for objectinstances 0{8}-.*: this server opens no single entity of objectinstances, so the collection is searched$/);
    const total = s.emulator.sizes.objectInstances.toLocaleString('en');
    expect(reports.at(-1)!.message).toBe(`${total} of ${total} read`);
  });
});
