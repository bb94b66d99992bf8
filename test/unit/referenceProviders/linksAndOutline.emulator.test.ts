// Links and the outline on real pages of both emulator dialects: every reference is a link to the referenced entity's
// own document (a spatial element's to the command that reveals and opens it, with arguments its parsers accept),
// following one loads that entity, and each entity of a page is a symbol named as the server names it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as vscode from 'vscode';
import { sameId } from '../../../src/core/api/ids';
import { parseEntityDocumentPath, type SingleEntityRef } from '../../../src/core/model/entityDocument';
import { SPATIAL_STRUCTURE } from '../../../src/core/references/referenceTable';
import { entityId, entitySource } from '../../../src/vscode/commands/commandParameters';
import { entityDocumentUri } from '../../../src/vscode/documents/entityDocuments';
import { ReferenceLinkProvider } from '../../../src/vscode/references/documentLinks';
import { EntitySymbolProvider } from '../../../src/vscode/references/documentSymbols';
import { DIALECTS } from '../references/support/dialectSessions';
import { cancellation, openDocument, startProviderSession, textDocument, type ProviderSession } from './support/providerSession';

const sessions = new Map<string, ProviderSession>();
beforeAll(async () => {
  for (const dialect of DIALECTS) sessions.set(dialect, await startProviderSession(dialect));
});
afterAll(async () => {
  await Promise.all([...sessions.values()].map(s => s.emulator.close()));
});

const textOf = (document: vscode.TextDocument, range: vscode.Range) => document.getText().slice(document.offsetAt(range.start), document.offsetAt(range.end));
const entityBody = (content: Uint8Array) => (JSON.parse(new TextDecoder().decode(content)) as { entity: Record<string, unknown> }).entity;

describe.each(DIALECTS)('links and outline (%s)', dialect => {
  const session = () => sessions.get(dialect)!;
  const page = (collection: string, limit = 100) => openDocument(session(), { kind: 'page', ...session().scope, collection, offset: 0, limit });

  it('links each object instance to its type\'s document and its storey\'s command; following them opens the type and the storey', async () => {
    const s = session();
    const document = await page('objectinstances');
    const items = (JSON.parse(document.getText()) as { items: Record<string, unknown>[] }).items;
    const links = await new ReferenceLinkProvider(s.services).provideDocumentLinks(document, cancellation().token);
    expect(links).toHaveLength(items.length * 2); // objectTypeId and spatialStructureElementId of each

    const first = items[0]!;
    const typeLink = links.find(l => textOf(document, l.range) === s.field(first, 'objectTypeId'))!;
    const target = typeLink.target as vscode.Uri;
    expect(target.scheme).toBe('bimlink');
    const ref = parseEntityDocumentPath(target.path) as SingleEntityRef;
    expect(ref).toEqual({ kind: 'entity', ...s.scope, collection: 'objecttypes', entityId: s.field(first, 'objectTypeId') });
    expect(target.toString()).toBe(entityDocumentUri(ref).toString());
    expect(typeLink.tooltip).toBe('Open the objecttypes entity this id refers to');
    const type = entityBody((await s.documents.load(ref, {}, new AbortController().signal)).content);
    expect(sameId(s.field(type, 'id'), s.field(first, 'objectTypeId'))).toBe(true);

    const storeyLink = links.find(l => textOf(document, l.range) === s.field(first, 'spatialStructureElementId'))!;
    const command = storeyLink.target as vscode.Uri;
    expect([command.scheme, command.path]).toEqual(['command', 'bimlink.revealSpatialElement']);
    const args = JSON.parse(decodeURIComponent(command.query)) as unknown[];
    expect([entitySource(args[0]), entityId(args[1])]).toEqual([s.scope, s.field(first, 'spatialStructureElementId')]); // the command's own parsers
    // The command opens the storey's own document: the emulator has no single-entity route for the spatial structure.
    const storey = entityBody((await s.documents.load({ kind: 'entity', ...s.scope, collection: SPATIAL_STRUCTURE, entityId: s.field(first, 'spatialStructureElementId') },
      {}, new AbortController().signal)).content);
    expect(sameId(s.field(storey, 'id'), s.field(first, 'spatialStructureElementId'))).toBe(true);
    expect(s.field(storey, 'name')).toMatch(/^-?\d\d /); // a storey: `00 Begane grond`, `-01 Kelder`
  });

  it('makes no link of an id that is no fit for an address', async () => {
    const s = session();
    const document = await page('objectinstances', 1);
    const key = s.spelling.key('objectTypeId');
    const hostile = document.getText().replace(new RegExp(`("${key}": )"[^"]*"`), '$1"..\\u0007"');
    const links = await new ReferenceLinkProvider(s.services).provideDocumentLinks(textDocument(document.uri, hostile), cancellation().token);
    expect(links.map(l => l.tooltip)).toEqual(['Show this spatial element in the BIMlink explorer and open it']);
  });

  it('outlines a page of types: one symbol per entity, by name, with its IFC class, the name selected', async () => {
    const s = session();
    const document = await page('objecttypes', 50);
    const items = (JSON.parse(document.getText()) as { items: Record<string, unknown>[] }).items;
    const symbols = await new EntitySymbolProvider(s.services).provideDocumentSymbols(document, cancellation().token);
    expect(symbols.map(x => x.name)).toEqual(items.map(item => s.field(item, 'name')));
    expect(symbols.map(x => x.detail)).toEqual(items.map(item => s.field(item, 'ifcType')));
    expect(symbols.every(x => x.range.contains(x.selectionRange.start) && x.range.contains(x.selectionRange.end))).toBe(true);
    expect(textOf(document, symbols[3]!.selectionRange)).toBe(s.field(items[3]!, 'name'));
    expect(JSON.parse(`${textOf(document, symbols[3]!.range)}`)).toEqual(items[3]);
  });
});
