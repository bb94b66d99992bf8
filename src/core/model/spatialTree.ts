import type { SpatialStructureElement } from '../api/dto';
import { idKey } from '../api/ids';
import { compareByName } from './naturalOrder';

export interface SpatialTreeNode {
  readonly element: SpatialStructureElement;
  readonly children: SpatialTreeNode[];
}

/** BIMlink's order: plots hold buildings, buildings hold building parts, parts hold storeys. */
const typeRank: Record<string, number> = { Plot: 0, Building: 1, BuildingPart: 2, Storey: 3 };

/**
 * Nests a flat list of spatial structure elements by `parentId` (matched ignoring case, as GUIDs may come in either). Elements whose parent is not in the list (not
 * loaded yet, or unknown) are shown at the top rather than lost; a cycle cannot hide elements either. Siblings are
 * ordered by kind, storeys from the lowest elevation up, then by name in natural order, then by id.
 */
export function buildSpatialTree(elements: readonly SpatialStructureElement[]): SpatialTreeNode[] {
  const byId = new Map<string, SpatialTreeNode>();
  for (const element of elements) if (!byId.has(idKey(element.id))) byId.set(idKey(element.id), { element, children: [] });
  const roots: SpatialTreeNode[] = [];
  for (const node of byId.values()) {
    const parent = node.element.parentId ? byId.get(idKey(node.element.parentId)) : undefined;
    if (parent && parent !== node && !isAncestor(node, parent, byId)) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (nodes: SpatialTreeNode[]) => {
    nodes.sort(compareElements);
    for (const node of nodes) sort(node.children);
    return nodes;
  };
  return sort(roots);
}

/** Whether `candidate` is `node` itself or lies above `parent` — attaching would close a cycle. */
function isAncestor(node: SpatialTreeNode, parent: SpatialTreeNode, byId: Map<string, SpatialTreeNode>): boolean {
  const seen = new Set<string>();
  for (let current: SpatialTreeNode | undefined = parent; current; current = current.element.parentId ? byId.get(idKey(current.element.parentId)) : undefined) {
    if (current === node) return true;
    if (seen.has(current.element.id)) return true; // a cycle above: keep this node at the top
    seen.add(current.element.id);
  }
  return false;
}

function compareElements(a: SpatialTreeNode, b: SpatialTreeNode): number {
  const rank = (node: SpatialTreeNode) => typeRank[node.element.type] ?? 4;
  return rank(a) - rank(b)
    || (a.element.elevation ?? 0) - (b.element.elevation ?? 0)
    || compareByName(a.element, b.element);
}
