import { describe, expect, it } from 'vitest';
import { readDomainAccounts, readEntity, readLocations, readSpatialStructureElement } from '../../../src/core/api/read-dto';
import { canonicalizeKeys, toId } from '../../../src/core/api/read-json';

describe('reading DTOs defensively', () => {
  it('treats ids as opaque strings: numbers become strings', () => {
    expect(toId(42)).toBe('42');
    expect(toId('0042')).toBe('0042');
    expect(toId(null)).toBeUndefined();
    expect(toId({})).toBeUndefined();
    expect(readDomainAccounts([{ id: 7, name: 'Demo Vastgoed BV' }])).toEqual([{ id: '7', name: 'Demo Vastgoed BV' }]);
  });

  it('tolerates PascalCase and keeps unknown fields as sent', () => {
    const [account] = readDomainAccounts([{ Id: 'a1', Name: 'Demo', IsActive: true }]);
    expect(account).toEqual({ id: 'a1', name: 'Demo', IsActive: true });
  });

  it('does not overwrite a canonical key that is already there', () => {
    expect(canonicalizeKeys({ id: 'x', Id: 'y' }, ['id'])).toEqual({ id: 'x', Id: 'y' });
  });

  it('reads locations → projects → phases with any casing, skipping items without an id', () => {
    const locations = readLocations([
      {
        ID: 1, Name: 'Campus Noord, Utrecht', City: 'Utrecht', extra: [1],
        Projects: [
          { Id: 'p1', Name: 'Nieuwbouw Gebouw B', Number: 2023014, Phases: [
            { id: 'f1', name: 'Schetsontwerp', code: 'SO', order: '1' },
            { name: 'no id' },
            'junk',
          ] },
          { name: 'project without id' },
        ],
      },
      null,
    ]);
    expect(locations).toEqual([{
      id: '1', name: 'Campus Noord, Utrecht', city: 'Utrecht', extra: [1],
      projects: [{ id: 'p1', name: 'Nieuwbouw Gebouw B', number: '2023014', phases: [
        { id: 'f1', name: 'Schetsontwerp', code: 'SO', order: 1 },
      ] }],
    }]);
  });

  it('gives missing lists as empty lists and missing names as empty text', () => {
    expect(readLocations([{ id: 'l' }])).toEqual([{ id: 'l', name: '', projects: [] }]);
    expect(readLocations({ not: 'a list' })).toEqual([]);
  });

  it('reads spatial structure elements: ParentId, null parent, elevation, aliases', () => {
    expect(readSpatialStructureElement({ Id: 5, ParentId: 4, Name: '00 Begane grond', Type: 'Storey', Elevation: '0.00', Aliases: ['BG', 3, null] }))
      .toEqual({ id: '5', parentId: '4', name: '00 Begane grond', type: 'Storey', elevation: 0, aliases: ['BG', '3'] });
    expect(readSpatialStructureElement({ id: 'plot', parentId: null, name: 'Kavel', type: 'Plot' }))
      .toEqual({ id: 'plot', parentId: null, name: 'Kavel', type: 'Plot' });
    expect(readSpatialStructureElement({ id: 'x', name: 'n', type: 'Building', elevation: 'high', aliases: [] }))
      .toEqual({ id: 'x', name: 'n', type: 'Building' });
  });

  it('reads entities: keeps everything, canonicalizes only the id, keeps entities without one', () => {
    const plain = { id: 'e1', ifcType: 'IfcWall', GlobalId: '2O2Fr$t4X7Zf8NOew3FNr2' };
    expect(readEntity(plain)).toBe(plain); // fast path: no copy
    expect(readEntity({ Id: 12, Name: 'Wand' })).toEqual({ id: '12', Name: 'Wand' });
    expect(readEntity({ name: 'orphan' })).toEqual({ id: '', name: 'orphan' });
    expect(readEntity([1, 2])).toBeUndefined();
    expect(readEntity('text')).toBeUndefined();
  });
});
