// Test support: a small phase overview and a few differences, made by hand.
import type { ObjectDifference } from '../../../../src/core/phases/phaseComparison';
import type { PhaseOverview } from '../../../../src/core/phases/phaseOverview';

export const overview: PhaseOverview = {
  collections: [{ collection: 'objectinstances', total: 6 }, { collection: 'documents', failure: 'The server answered 500.' }],
  objects: { total: 6, byIfcType: [{ ifcType: 'IfcWall', count: 3 }, { ifcType: 'IfcDoor', count: 2 }, { ifcType: 'IfcSlab', count: 1 }] },
  bars: [
    { storeyId: 's1', inStructure: true, name: '01 Verdieping, "oost"', parents: ['Plot', 'Gebouw B'], elevation: 3.5, total: 3,
      segments: [{ label: 'IfcWall', ifcTypes: ['IfcWall'], count: 2 }, { label: 'Other (1 class)', ifcTypes: ['IfcSlab'], count: 1 }],
      byIfcType: [{ ifcType: 'IfcWall', count: 2 }, { ifcType: 'IfcSlab', count: 1 }] },
    { storeyId: 's0', inStructure: true, name: '00 Begane grond', parents: ['Plot', 'Gebouw B'], elevation: 0, total: 2,
      segments: [{ label: 'IfcWall', ifcTypes: ['IfcWall'], count: 1 }, { label: 'IfcDoor', ifcTypes: ['IfcDoor'], count: 1 }],
      byIfcType: [{ ifcType: 'IfcWall', count: 1 }, { ifcType: 'IfcDoor', count: 1 }] },
    { name: 'No storey', inStructure: false, parents: [], total: 1, segments: [{ label: 'IfcDoor', ifcTypes: ['IfcDoor'], count: 1 }], byIfcType: [{ ifcType: 'IfcDoor', count: 1 }] },
  ],
};

export const changed: ObjectDifference = {
  kind: 'changed', key: '2O2Fr$t4X7Zf8NOew3FLOH', matchedBy: 'globalId', fields: ['name', 'storey'],
  before: { id: 'b-1', name: 'Wand, 1', ifcType: 'IfcWall', type: 'Basic Wall', storey: 'Gebouw B › 00' },
  after: { id: 'a-1', name: 'Wand "1"', ifcType: 'IfcWall', type: 'Basic Wall', storey: 'Gebouw B › 01' },
};

export const added: ObjectDifference = { kind: 'added', key: 'a-9', matchedBy: 'id', fields: [], after: { id: 'a-9', name: 'Deur' } };
