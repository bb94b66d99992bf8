// Where a phase's objects stand: its spatial structure read whole, each element named by its path from the top. The
// overview draws a bar per storey from it; the comparison matches storeys of two phases by that path, since each
// phase may give its storeys ids of its own.
import type { BimlinkClient, PhaseScope } from '../api/client';
import type { SpatialStructureElement } from '../api/dto';
import { idKey } from '../api/ids';
import { buildSpatialTree, type SpatialTreeNode } from '../model/spatialTree';

export interface PhasePlace {
  readonly element: SpatialStructureElement;
  /** The names from the top element down to this one's parent. */
  readonly parents: readonly string[];
  /** The names from the top down to this one, joined by ' › ': how places of two phases are matched. */
  readonly label: string;
}

export class PhasePlaces {
  private readonly byId = new Map<string, PhasePlace>();
  /** Every element in building order: each building's storeys from the top floor down, as a section drawing shows them. */
  readonly inBuildingOrder: readonly PhasePlace[];

  constructor(elements: readonly SpatialStructureElement[]) {
    const ordered: PhasePlace[] = [];
    const visit = (nodes: readonly SpatialTreeNode[], parents: readonly string[]): void => {
      // the tree lists storeys from the lowest up; a section lists them from the top down
      const storeys = nodes.filter(n => n.element.type === 'Storey').reverse();
      for (const { element, children } of [...nodes.filter(n => n.element.type !== 'Storey'), ...storeys]) {
        const place = { element, parents, label: [...parents, element.name].join(' › ') };
        this.byId.set(idKey(element.id), place);
        ordered.push(place);
        visit(children, [...parents, element.name]);
      }
    };
    visit(buildSpatialTree(elements), []);
    this.inBuildingOrder = ordered;
  }

  static async of(client: BimlinkClient, scope: PhaseScope, signal?: AbortSignal): Promise<PhasePlaces> {
    return new PhasePlaces(await client.getSpatialStructure(scope, { signal }));
  }

  get(id: string): PhasePlace | undefined {
    return this.byId.get(idKey(id));
  }
}
