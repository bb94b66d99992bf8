import { describe, expect, it } from 'vitest';
import type { SpatialStructureElement } from '../../../src/core/api/dto';
import { mergeById } from '../../../src/core/model/mergeById';
import { nodeId } from '../../../src/core/model/nodeIds';
import { buildSpatialTree, type SpatialTreeNode } from '../../../src/core/model/spatialTree';

const element = (id: string, type: string, parentId: string | null, name = id, elevation?: number): SpatialStructureElement =>
  ({ id, type, parentId, name, elevation, data: {} });
const shape = (nodes: SpatialTreeNode[]): unknown => nodes.map(n => n.children.length ? { [n.element.id]: shape(n.children) } : n.element.id);

describe('buildSpatialTree', () => {
  it('nests plots, buildings, parts and storeys by parent, storeys from the lowest up', () => {
    const flat = [
      element('s1', 'Storey', 'bp', '01 Eerste verdieping', 3.6),
      element('s0', 'Storey', 'bp', '00 Begane grond', 0),
      element('sk', 'Storey', 'bp', '-01 Kelder', -3.2),
      element('bp', 'BuildingPart', 'b', 'Deel A'),
      element('b', 'Building', 'p', 'Gebouw B'),
      element('p', 'Plot', null, 'Kavel 1'),
    ];
    expect(shape(buildSpatialTree(flat))).toEqual([{ p: [{ b: [{ bp: ['sk', 's0', 's1'] }] }] }]);
  });

  it('orders siblings by kind, then elevation, then name with numbers in order', () => {
    const flat = [element('x', 'Storey', null, 'B', 0), element('y', 'Building', null, 'Gebouw 10'),
      element('z', 'Building', null, 'Gebouw 9'), element('w', 'Plot', null, 'Kavel')];
    expect(shape(buildSpatialTree(flat))).toEqual(['w', 'z', 'y', 'x']);
  });

  it('orders siblings of one kind and elevation by name in natural order, whatever order the server sent, then by id', () => {
    const flat = [element('g10', 'Building', null, 'Gebouw 10'), element('g2', 'Building', null, 'gebouw 2'),
      element('b', 'Building', null, 'Gebouw 1'), element('a', 'Building', null, 'Gebouw 1'),
      element('s2', 'Storey', null, 'Verdieping 10', 3), element('s1', 'Storey', null, 'Verdieping 2', 3)];
    expect(shape(buildSpatialTree(flat))).toEqual(['a', 'b', 'g2', 'g10', 's1', 's2']);
    expect(shape(buildSpatialTree([...flat].reverse()))).toEqual(['a', 'b', 'g2', 'g10', 's1', 's2']);
  });

  it('finds a parent whose id is sent in another case (GUIDs may come upper- or lowercase)', () => {
    const tree = buildSpatialTree([
      element('AB12-CD', 'Building', null, 'Gebouw B'),
      element('ef34', 'Storey', 'ab12-cd', '00 Begane grond', 0),
    ]);
    expect(tree).toHaveLength(1);
    expect(tree[0]!.children.map(c => c.element.name)).toEqual(['00 Begane grond']);
  });

  it('shows an element whose parent is not loaded at the top, and loses none in a cycle or duplicate', () => {
    const flat = [element('a', 'Storey', 'missing'), element('c1', 'Building', 'c2'), element('c2', 'Building', 'c1'),
      element('self', 'Plot', 'self'), element('a', 'Storey', 'missing', 'duplicate')];
    const tree = buildSpatialTree(flat);
    const all: string[] = [];
    const walk = (nodes: SpatialTreeNode[]) => nodes.forEach(n => { all.push(n.element.id); walk(n.children); });
    walk(tree);
    expect(all.sort()).toEqual(['a', 'c1', 'c2', 'self']);
    expect(tree.map(n => n.element.id)).toContain('a');
  });
});

describe('mergeById', () => {
  it('appends new items in order and replaces ones already shown, never duplicating', () => {
    const shown = [{ id: '1', v: 'a' }, { id: '2', v: 'b' }];
    expect(mergeById(shown, [{ id: '2', v: 'B' }, { id: '3', v: 'c' }, { id: '3', v: 'c2' }]))
      .toEqual([{ id: '1', v: 'a' }, { id: '2', v: 'B' }, { id: '3', v: 'c2' }]);
    expect(shown).toHaveLength(2); // the input is not changed
  });
});

describe('nodeId', () => {
  it('is built from the data path and escapes ids, so labels and odd characters never collide', () => {
    expect(nodeId('live|u1', [['da', 'x/y'], ['loc', '7']])).toBe('live|u1/da=x%2Fy/loc=7');
    expect(nodeId('s', [['da', 'a'], ['loc', 'b']])).not.toBe(nodeId('s', [['da', 'a/loc=b']]));
  });

  it('names a status row by its kind alone, below the node whose level it belongs to', () => {
    expect(nodeId('live|u1/da=1', [['load-more']])).toBe('live|u1/da=1/load-more');
    expect(nodeId('root', [['message', 'no-match']])).toBe('root/message=no-match');
  });
});
