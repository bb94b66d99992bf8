import { describe, expect, it } from 'vitest';
import { findKey, spatialTypeOf } from '../../../src/core/api/fieldNames';
import { entityIdOf, readDomainAccounts, readEntity, readLocations, readSpatialStructureElement } from '../../../src/core/api/readDto';
import { toId } from '../../../src/core/api/readJson';

describe('reading DTOs tolerantly, keeping the data as sent', () => {
  it('treats ids as opaque strings: numbers become strings', () => {
    expect(toId(42)).toBe('42');
    expect(toId('0042')).toBe('0042');
    expect(toId(null)).toBeUndefined();
    expect(toId({})).toBeUndefined();
    expect(readDomainAccounts([{ id: 7, name: 'Demo Vastgoed BV' }])).toMatchObject([{ id: '7', name: 'Demo Vastgoed BV' }]);
  });

  it('reads PascalCase, and keeps the object exactly as sent beside the fields it read', () => {
    const sent = { Id: 'A1', Name: 'Demo', IsActive: true };
    const copy = structuredClone(sent);
    const [account] = readDomainAccounts([sent]);
    expect(account).toEqual({ id: 'A1', name: 'Demo', data: copy });
    expect(account!.data).toBe(sent);
    expect(sent).toEqual(copy);
    expect(Object.keys(sent)).toEqual(['Id', 'Name', 'IsActive']);
  });

  it('reads locations → projects → phases under every accepted nesting key and field name', () => {
    const sent = [
      {
        ID: 1, Name: 'Campus Noord, Utrecht', City: 'Utrecht', extra: [1],
        Projects: [
          { Id: 'p1', Name: 'Nieuwbouw Gebouw B', Code: 'P-2023-014', ProjectPhases: [
            { Id: 'f1', Name: 'Schetsontwerp', Code: 'SO', SortOrder: '1' },
            { name: 'no id' },
            'junk',
          ] },
          { id: 'p2', name: 'Renovatie', number: 2023015, phases: [{ id: 'f2', name: 'DO', order: 3 }] },
          { id: 'p3', name: 'Snake', project_number: 'X-1', project_phases: [{ id: 'f3', name: 'VO', sequence: 2 }] },
          { name: 'project without id' },
        ],
      },
      null,
    ];
    const before = structuredClone(sent);
    const [location] = readLocations(sent);
    expect(sent).toEqual(before);
    expect(location).toMatchObject({ id: '1', name: 'Campus Noord, Utrecht', city: 'Utrecht' });
    expect(location!.projects.map(p => [p.id, p.code, p.phases.map(f => [f.id, f.code, f.order])])).toEqual([
      ['p1', 'P-2023-014', [['f1', 'SO', 1]]],
      ['p2', '2023015', [['f2', undefined, 3]]],
      ['p3', 'X-1', [['f3', undefined, 2]]],
    ]);
  });

  it('gives missing lists as empty lists and missing names as empty text', () => {
    expect(readLocations([{ id: 'l' }])).toEqual([{ id: 'l', name: '', projects: [], data: { id: 'l' } }]);
    expect(readLocations({ not: 'a list' })).toEqual([]);
  });

  it('reads spatial structure elements: ParentId, null parent, elevation, aliases, the type by name or number', () => {
    expect(readSpatialStructureElement({ Id: 5, ParentId: 4, Name: '00 Begane grond', ElementType: 3, Elevation: '0.00', Aliases: ['BG', 3, null] }))
      .toMatchObject({ id: '5', parentId: '4', name: '00 Begane grond', type: 'Storey', elevation: 0, aliases: ['BG', '3'] });
    expect(readSpatialStructureElement({ id: 'plot', parentId: null, name: 'Kavel', type: 'Plot' }))
      .toMatchObject({ id: 'plot', parentId: null, name: 'Kavel', type: 'Plot' });
    const building = readSpatialStructureElement({ id: 'x', name: 'n', type: 'Building', elevation: 'high', aliases: [] })!;
    expect(building).toMatchObject({ id: 'x', name: 'n', type: 'Building' });
    expect('elevation' in building || 'aliases' in building || 'parentId' in building).toBe(false);
  });

  it('names spatial types in every plausible spelling and passes unknown ones through', () => {
    expect(['Storey', 'IfcBuildingStorey', 'BUILDING_STOREY', 3, '3'].map(spatialTypeOf)).toEqual(Array(5).fill('Storey'));
    expect(['BuildingPart', 'building-part', 2].map(spatialTypeOf)).toEqual(Array(3).fill('BuildingPart'));
    expect(['Site', 0, 'plot'].map(spatialTypeOf)).toEqual(Array(3).fill('Plot'));
    expect(spatialTypeOf('Zone')).toBe('Zone');
    expect(spatialTypeOf(undefined)).toBe('');
  });

  it('prefers the table order and the exact key, ignoring case, _ and -', () => {
    expect(findKey({ Number: 1, code: 2 }, ['code', 'number'])).toBe('code');
    expect(findKey({ PROJECT_PHASES: [] }, ['phases', 'projectPhases'])).toBe('PROJECT_PHASES');
    expect(findKey({ other: 1 }, ['phases'])).toBeUndefined();
  });

  it('keeps entities as sent (no copy, no renamed key) and reads their id beside them', () => {
    const plain = { id: 'e1', ifcType: 'IfcWall', GlobalId: '2O2Fr$t4X7Zf8NOew3FNr2' };
    expect(readEntity(plain)).toBe(plain);
    const pascal = { Name: 'Wand', Id: 12 };
    expect(readEntity(pascal)).toBe(pascal);
    expect(Object.keys(pascal)).toEqual(['Name', 'Id']);
    expect(entityIdOf(pascal)).toBe('12');
    expect(entityIdOf(plain)).toBe('e1');
    expect(entityIdOf({ name: 'orphan' })).toBe('');
    expect(entityIdOf({ id: null, Id: 'x' })).toBe('');
    expect(readEntity([1, 2])).toBeUndefined();
    expect(readEntity('text')).toBeUndefined();
  });
});
