// The reference table, built from what a real client learns: the emulator's OpenAPI document (bimlink dialect) or the
// built-in names alone (aspnet has no document), with bimlink.collections on top.
import { describe, expect, it } from 'vitest';
import { mergeCollections } from '../../../src/core/api/collections';
import { ReferenceTable, SPATIAL_STRUCTURE } from '../../../src/core/references/referenceTable';
import { DIALECTS, useDialectSessions } from './support/dialectSessions';

const sessionOf = useDialectSessions();

describe.each(DIALECTS)('the reference table (%s)', dialect => {
  const table = () => ReferenceTable.of(sessionOf(dialect).client);

  it('resolves the issue\'s keys in any casing, single ids and arrays', async () => {
    const t = await table();
    const cases: [string, string][] = [
      ['typeId', 'objecttypes'], ['objectTypeId', 'objecttypes'], ['ObjectTypeId', 'objecttypes'], ['object_type_id', 'objecttypes'],
      ['storeyId', SPATIAL_STRUCTURE], ['spatialStructureElementId', SPATIAL_STRUCTURE], ['SpatialStructureElementId', SPATIAL_STRUCTURE],
      ['parentId', SPATIAL_STRUCTURE], ['objectId', 'objectinstances'], ['objectInstanceId', 'objectinstances'],
      ['materialIds', 'materials'], ['MaterialIds', 'materials'], ['materialId', 'materials'], ['spaceId', 'spaces'], ['roomId', 'spaces'],
      ['documentId', 'documents'], ['todoId', 'todos'], ['propertyIds', 'properties'],
    ];
    expect(cases.map(([key]) => [key, t.targetOf(key, 'objectinstances')])).toEqual(cases);
  });

  it('never takes an entity\'s own id, its IFC GlobalId or a plain field for a reference', async () => {
    const t = await table();
    for (const key of ['id', 'Id', 'ID', 'guid', 'globalId', 'GlobalId', 'name', 'ifcType', 'tag', 'value', 'paid', 'valid']) {
      expect([key, t.targetOf(key, 'objectinstances')]).toEqual([key, undefined]);
    }
    expect(t.isOwnId('Id')).toBe(true);
    expect(t.isOwnId('objectTypeId')).toBe(false);
  });

  it('knows which collections refer to types, instances, materials and the spatial structure', async () => {
    const t = await table();
    const referrers = (target: string) => t.referrersOf(target).map(r => [r.collection, r.keys.map(k => k.toLowerCase())]).sort();
    expect(referrers('objecttypes')).toEqual([['documents', ['objecttypeid']], ['objectinstances', ['objecttypeid']], ['properties', ['objecttypeid']]]);
    expect(referrers('objectinstances')).toEqual([['documents', ['objectinstanceid']], ['properties', ['objectinstanceid']], ['todos', ['objectinstanceid']]]);
    expect(referrers('materials')).toEqual([['objecttypes', ['materialids']]]);
    expect(referrers(SPATIAL_STRUCTURE)).toEqual([['objectinstances', ['spatialstructureelementid']], ['spaces', ['spatialstructureelementid']],
      [SPATIAL_STRUCTURE, ['parentid']]]);
  });
});

describe('the server\'s OpenAPI schemas come first', () => {
  const document = async () => structuredClone(await sessionOf('bimlink').client.openApiDocument()) as {
    components: { schemas: Record<string, { properties: Record<string, Record<string, unknown>> }> };
  };

  it('reads the emulator\'s DTO fields: owners, keys, targets, arrays', async () => {
    const t = await ReferenceTable.of(sessionOf('bimlink').client);
    const fields = t.fields.map(f => `${f.owner}.${f.key} → ${f.target}${f.many ? ' []' : ''}`).sort();
    expect(fields).toEqual([
      'documents.objectInstanceId → objectinstances', 'documents.objectTypeId → objecttypes',
      'objectinstances.objectTypeId → objecttypes', 'objectinstances.spatialStructureElementId → spatialstructureelements',
      'objecttypes.materialIds → materials []', 'properties.objectInstanceId → objectinstances', 'properties.objectTypeId → objecttypes',
      'spaces.spatialStructureElementId → spatialstructureelements', 'spatialstructureelements.parentId → spatialstructureelements',
      'todos.objectInstanceId → objectinstances',
    ]);
  });

  it('takes an x- extension that names a collection, and a field named after an item route\'s id parameter', async () => {
    const doc = await document();
    const type = doc.components.schemas['ObjectTypeDto']!.properties;
    type['finish'] = { type: 'string', format: 'uuid', 'x-references': 'MaterialDto' };
    type['manufacturerRef'] = { type: 'string', 'x-bimlink': { collection: 'documents' } };
    type['todoIds'] = { type: 'array', items: { type: 'string', format: 'uuid' } };
    const collections = await sessionOf('bimlink').client.discoverCollections();
    const t = new ReferenceTable(collections, doc);
    expect(t.targetOf('finish', 'objecttypes')).toBe('materials');
    expect(t.targetOf('Finish', 'objecttypes')).toBe('materials');
    expect(t.targetOf('manufacturerRef', 'objecttypes')).toBe('documents');
    expect(t.fields.find(f => f.key === 'todoIds')).toMatchObject({ owner: 'objecttypes', target: 'todos', many: true });
    expect(t.referrersOf('materials').map(r => [r.collection, [...r.keys].sort()])).toEqual([['objecttypes', ['finish', 'materialIds']]]);
  });

  it('says what the schema says over a built-in name: a typeId the schema points elsewhere', async () => {
    const doc = await document();
    doc.components.schemas['SpaceDto']!.properties['typeId'] = { type: 'string', 'x-collection': 'materials' };
    const t = new ReferenceTable(await sessionOf('bimlink').client.discoverCollections(), doc);
    expect(t.targetOf('typeId', 'spaces')).toBe('materials');
    expect(t.targetOf('typeId', 'objectinstances')).toBe('materials'); // the only schema meaning of the key
  });
});

describe('bimlink.collections is respected', () => {
  it('a renamed collection keeps its name and is found under its new path; an added one is recognized', () => {
    const t = new ReferenceTable(mergeCollections(undefined, { objectinstances: 'components', zones: 'zones' }));
    expect(t.targetOf('objectInstanceId')).toBe('objectinstances');
    expect(t.targetOf('componentId')).toBe('objectinstances');
    expect(t.targetOf('zoneId')).toBe('zones');
    expect(t.targetOf('ZoneIds')).toBe('zones');
  });
});
