// The parsers of the commands' arguments: a row of the tree, a script's plain source, a document's Uri, an export
// target. A command link's arguments are JSON, so anything that only looks like one of these is dropped.
import { describe, expect, it } from 'vitest';
import type { SpatialStructureElement } from '../../../src/core/api';
import { documentUri, entitySource, explorerNode, exportTarget } from '../../../src/vscode/commands/commandParameters';
import type { ExplorerNode } from '../../../src/vscode/tree/explorerNode';
import { PhaseNode } from '../../../src/vscode/tree/phaseNode';
import type { TreeContext } from '../../../src/vscode/tree/treeContext';
import { SpatialElementNode } from '../../../src/vscode/tree/spatialElementNode';
import { Uri } from '../fakes/vscode';

const root: ExplorerNode = { id: 'root', parent: undefined, treeItem: () => { throw new Error('not shown'); } };
const phase = new PhaseNode(root, {} as TreeContext, 'da', { id: 'ph', name: 'Definitief ontwerp', data: {} } as never);
const element = (type: string): SpatialStructureElement => ({ id: `sse-${type}`, name: `${type} 1`, type, data: {} }) as never;
const storey = new SpatialElementNode(phase, 'da', 'ph', { element: element('Storey'), children: [] });
const building = new SpatialElementNode(phase, 'da', 'ph', { element: element('Building'), children: [] });

describe('command parameters', () => {
  it('take a row of the tree, never JSON shaped like one', () => {
    expect(explorerNode(phase)).toBe(phase);
    expect(explorerNode({ id: 'row', dataId: 'injected', treeItem: 'not a function' })).toBeUndefined();
    expect(explorerNode('row')).toBeUndefined();
  });

  it('take a source from a phase\'s or storey\'s row, or a script\'s plain source', () => {
    expect(entitySource(phase)).toEqual({ domainAccountId: 'da', projectPhaseId: 'ph' });
    expect(entitySource(storey)).toEqual({ domainAccountId: 'da', projectPhaseId: 'ph', storey: { id: 'sse-Storey', name: 'Storey 1' } });
    expect(entitySource(building)).toEqual({ domainAccountId: 'da', projectPhaseId: 'ph' });
    expect(entitySource({ domainAccountId: 'da', projectPhaseId: 'ph', extra: 1 })).toEqual({ domainAccountId: 'da', projectPhaseId: 'ph' });
    expect(entitySource({ domainAccountId: 'da', projectPhaseId: '' })).toBeUndefined();
    expect(entitySource(root)).toBeUndefined();
  });

  it('take a document or target only as a real Uri', () => {
    const uri = Uri.parse('bimlink:/da/ph/objects/0-100/objects.json');
    expect(documentUri(uri)).toBe(uri);
    for (const plain of [{ scheme: 'file', path: '/tmp/x.ndjson' }, '/tmp/x.ndjson', undefined]) {
      expect(documentUri(plain)).toBeUndefined();
      expect(exportTarget(plain)).toBeUndefined();
    }
  });

  it('rebuild an export target from its parts, so the path checked is the path written', () => {
    const given = Uri.file('/tmp/export.ndjson');
    const rebuilt = exportTarget(Object.assign(Object.create(Object.getPrototypeOf(given)), given, { _fsPath: '/etc/passwd', query: 'q' }));
    expect(rebuilt?.toString()).toBe('file:///tmp/export.ndjson');
    expect(rebuilt?.fsPath).toBe('/tmp/export.ndjson');
  });
});
