// The document scanner on real emulator pages, rendered as the extension renders them, in both dialects: every range
// it gives must slice the exact value out of the text, whatever the strings hold.
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../../src/core/api/dto';
import { entityIdOf } from '../../../src/core/api/readDto';
import { scanEntityDocument, type ScannedDocument } from '../../../src/core/references/documentScan';
import { ReferenceTable, SPATIAL_STRUCTURE } from '../../../src/core/references/referenceTable';
import { DIALECTS, entityDocument, pageDocument, render, useDialectSessions } from './support/dialectSessions';

const sessionOf = useDialectSessions();

const slice = (text: string, r: { start: number; end: number }) => text.slice(r.start, r.end);

/** Every range slices out the raw text of the value it names (a JSON string's text decodes to the id). */
function expectExactRanges(text: string, scan: ScannedDocument): void {
  for (const r of [...scan.references, ...scan.ownIds]) expect(JSON.parse(`"${slice(text, r)}"`)).toBe(r.id);
  for (const s of scan.symbols) expect(JSON.parse(slice(text, s.range))).toMatchObject({});
}

describe.each(DIALECTS)('scanning entity documents (%s)', dialect => {
  const session = () => sessionOf(dialect);
  const table = () => ReferenceTable.of(session().client);

  it('an object instance page: each instance\'s storey and type, its own id, and a symbol by name and IFC type', async () => {
    const { text, items } = await pageDocument(session(), 'objectinstances', 200, 100);
    const scan = scanEntityDocument(text, await table());
    expect(scan).toMatchObject({ collection: 'objectinstances', domainAccountId: session().scope.domainAccountId });
    const k = session().spelling.key;
    expect(scan.references.map(r => [r.entity, r.key, r.target, r.id])).toEqual(items.flatMap((item, i) => [
      [i, k('spatialStructureElementId'), SPATIAL_STRUCTURE, item[k('spatialStructureElementId')]],
      [i, k('objectTypeId'), 'objecttypes', item[k('objectTypeId')]],
    ]));
    expect(scan.ownIds.map(o => [o.entity, o.id, o.collection])).toEqual(items.map((item, i) => [i, entityIdOf(item), 'objectinstances']));
    expect(scan.symbols.map(s => [s.name, s.detail, s.id])).toEqual(items.map(item => [item[k('name')], item[k('ifcType')], entityIdOf(item)]));
    expect(scan.symbols.map(s => JSON.parse(slice(text, s.range)) as Entity)).toEqual(items);
    expect(scan.symbols.map(s => slice(text, s.nameRange))).toEqual(items.map(item => item[k('name')]));
    expectExactRanges(text, scan);
  });

  it('arrays of ids (a type\'s materials), and the page\'s storey', async () => {
    const storey = (await session().client.getSpatialStructure(session().scope)).find(e => e.type === 'Storey')!;
    const { text, items } = await pageDocument(session(), 'objecttypes', 0, 50, { id: storey.id, name: storey.name });
    const scan = scanEntityDocument(text, await table());
    const materials = items.flatMap((item, i) => (item[session().spelling.key('materialIds')] as string[]).map(id => [i, id]));
    expect(materials.length).toBeGreaterThan(items.length);
    expect(scan.references.filter(r => r.target === 'materials').map(r => [r.entity, r.id])).toEqual(materials);
    expect(scan.references.filter(r => r.entity === -1)).toMatchObject([{ key: 'storey', id: storey.id, target: SPATIAL_STRUCTURE }]);
    expectExactRanges(text, scan);
  });

  it('one entity document, with nulls left out (a to-do with no instance), and numbers as ids', async () => {
    const { items } = await pageDocument(session(), 'todos', 0, 500);
    const general = items.find(t => t[session().spelling.key('objectInstanceId')] === null)!;
    const text = entityDocument(session(), 'todos', { ...general, parentId: 42 });
    const scan = scanEntityDocument(text, await table());
    expect(scan.references.map(r => [r.key, r.id, slice(text, r)])).toEqual([['parentId', '42', '42']]);
    expect(scan.symbols).toMatchObject([{ name: general[session().spelling.key('title')], id: entityIdOf(general) }]);
    expect(scan.ownIds).toHaveLength(1);
  });

  it('is exact for any string content: escapes, quotes, unicode, line separators, Markdown and hostile names', async () => {
    const { items } = await pageDocument(session(), 'objectinstances', 0, 3);
    const k = session().spelling.key;
    const hostile = [
      'A · B', 'quote " and \\ backslash', 'tab\tnew\nline', '\u2028\u2029 😀 é', '[00 Begane grond](command:workbench.action.openSettings)',
      '}{][,:"', '"objectTypeId": "not-a-reference"',
    ];
    const edited = items.map((item, i) => ({ [`we\"ird\\key ${i}`]: hostile[i], ...item, [k('name')]: hostile.join(` ${i} `),
      note: { objectTypeId: `${String(item[k('objectTypeId')])}`, text: hostile[i + 3] } }));
    const text = render({ collection: 'objectinstances', ...session().scope, items: edited });
    const scan = scanEntityDocument(text, await table());
    expect(scan.symbols.map(s => s.name)).toEqual(edited.map(e => e[k('name')]));
    expect(scan.symbols.map(s => JSON.parse(`"${slice(text, s.nameRange)}"`) as string)).toEqual(edited.map(e => e[k('name')]));
    expect(scan.references).toHaveLength(9); // storey, type and the nested type per entity; nothing from the names
    expectExactRanges(text, scan);
  });

  it('text that is no JSON gives what came before the fault, and never throws', async () => {
    const { text, items } = await pageDocument(session(), 'objectinstances', 0, 10);
    const cut = text.slice(0, text.indexOf(entityIdOf(items[5]!)) - 20);
    const scan = scanEntityDocument(cut, await table());
    expect(scan.symbols).toHaveLength(5);
    expect(scanEntityDocument('', await table()).symbols).toEqual([]);
    expect(scanEntityDocument('{"items": [1, {"id": "x"}, "y", null]}', await table()).ownIds.map(o => o.id)).toEqual(['x']);
  });
});
