// Where each spatial structure element sits: its chain of names from the top (Plot › Building › Storey) and its
// elevation, by id (ignoring case). Built on the tree model/spatialTree.ts builds, so cycles and orphans are safe.
import type { SpatialStructureElement } from '../api/dto';
import { idKey } from '../api/ids';
import { buildSpatialTree, type SpatialTreeNode } from '../model/spatialTree';

export interface SpatialPlace {
  readonly element: SpatialStructureElement;
  /** The names from the top element down to this one, itself included. */
  readonly path: readonly string[];
  /** The types along the path (`Plot`, `Building`, `BuildingPart`, `Storey` …), in the same order. */
  readonly types: readonly string[];
  readonly elevation?: number;
}

export function spatialPlaces(elements: readonly SpatialStructureElement[]): Map<string, SpatialPlace> {
  const places = new Map<string, SpatialPlace>();
  const visit = (nodes: readonly SpatialTreeNode[], path: readonly string[], types: readonly string[]): void => {
    for (const { element, children } of nodes) {
      const place = { element, path: [...path, element.name], types: [...types, element.type],
        ...(element.elevation !== undefined ? { elevation: element.elevation } : {}) };
      places.set(idKey(element.id), place);
      visit(children, place.path, place.types);
    }
  };
  visit(buildSpatialTree(elements), [], []);
  return places;
}
