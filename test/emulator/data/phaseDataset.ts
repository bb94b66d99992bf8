// Everything inside one project phase: its spatial structure (small, materialised) and its BIM
// collections (computed from the index, never materialised).

import type { PhaseNode } from './catalog';
import type { DataSizeOptions } from './demoData';
import { arrayList, type IndexedList } from './indexedList';
import type { DocumentInfo, Material, ObjectInstance, ObjectType, Property, Space, Todo } from './models';
import { phaseHistory } from './phaseHistory';
import { phaseSizes, type PhaseSizes } from './sizes';
import { buildSpatialStructure, type SpatialElement, type SpatialStructure } from './spatial';
import { GENERAL_TODOS } from './vocabulary';
import type { PhaseContext } from './generators/context';
import { documentList } from './generators/documents';
import { materialList } from './generators/materials';
import { objectInstanceList } from './generators/objectInstances';
import { objectTypeList } from './generators/objectTypes';
import { propertyList } from './generators/properties';
import { spaceList } from './generators/spaces';
import { todoList } from './generators/todos';

export interface PhaseCollections {
  readonly spatialStructureElements: IndexedList<SpatialElement>;
  readonly objectInstances: IndexedList<ObjectInstance>;
  readonly objectTypes: IndexedList<ObjectType>;
  readonly properties: IndexedList<Property>;
  readonly materials: IndexedList<Material>;
  readonly spaces: IndexedList<Space>;
  readonly documents: IndexedList<DocumentInfo>;
  readonly todos: IndexedList<Todo>;
}

export interface PhaseDataset {
  readonly phase: PhaseNode;
  readonly structure: SpatialStructure;
  readonly sizes: PhaseSizes;
  readonly collections: PhaseCollections;
}

export function buildPhaseDataset(phase: PhaseNode, options: DataSizeOptions): PhaseDataset {
  const structure = buildSpatialStructure(phase.id, phase.layout);
  const history = phaseHistory(phase, options, structure.storeys.length);
  const sizes = phaseSizes(history.counts[phase.ordinal]!, structure.storeys.length, GENERAL_TODOS.length);
  const ctx: PhaseContext = { phase, key: phase.key, history, structure, sizes, typeCache: [], typeNameUses: new Map() };
  return {
    phase,
    structure,
    sizes,
    collections: {
      spatialStructureElements: arrayList(structure.elements),
      objectInstances: objectInstanceList(ctx),
      objectTypes: objectTypeList(ctx),
      properties: propertyList(ctx),
      materials: materialList(ctx),
      spaces: spaceList(ctx),
      documents: documentList(ctx),
      todos: todoList(ctx),
    },
  };
}
