// Finds a spatial element's row in the explorer, from what is loaded (locations, projects and phases come with the
// domain account's one request) and, where the phase's structure has more pages, by loading them as Load more would.
import type { PhaseScope } from '../../core/api';
import { sameId } from '../../core/api/ids';
import type { ExplorerNode } from '../tree/explorerNode';
import type { ExplorerTreeDataProvider } from '../tree/explorerTreeDataProvider';
import { LocationNode, ProjectNode } from '../tree/locationNode';
import { PhaseNode } from '../tree/phaseNode';
import { SpatialElementNode } from '../tree/spatialElementNode';
import { LoadMoreNode } from '../tree/statusNodes';

/** Pages of a phase's structure loaded at most to find an element (a page is the page-size setting's size). */
const maxPages = 20;

export async function spatialElementRow(tree: ExplorerTreeDataProvider, scope: PhaseScope, elementId: string): Promise<SpatialElementNode | undefined> {
  const phase = await phaseRow(tree, scope);
  if (!phase) return undefined;
  for (let page = 0; page < maxPages; page++) {
    const children = await phase.children();
    const found = await within(children, elementId);
    if (found || !children.some(child => child instanceof LoadMoreNode)) return found;
    await tree.loadMore(phase);
  }
  return undefined;
}

async function phaseRow(tree: ExplorerTreeDataProvider, scope: PhaseScope): Promise<PhaseNode | undefined> {
  const account = (await tree.domainAccountNodes()).find(node => sameId(node.domainAccount.id, scope.domainAccountId));
  for (const location of await childrenOf(account, LocationNode)) {
    for (const project of await childrenOf(location, ProjectNode)) {
      const phase = (await childrenOf(project, PhaseNode)).find(node => sameId(node.phase.id, scope.projectPhaseId));
      if (phase) return phase;
    }
  }
  return undefined;
}

async function within(nodes: readonly ExplorerNode[], elementId: string): Promise<SpatialElementNode | undefined> {
  for (const node of nodes) {
    if (!(node instanceof SpatialElementNode)) continue;
    if (sameId(node.tree.element.id, elementId)) return node;
    const found = await within(await node.children(), elementId); // loaded with the phase's page: no request
    if (found) return found;
  }
  return undefined;
}

async function childrenOf<T extends ExplorerNode>(node: ExplorerNode | undefined, type: abstract new (...args: never[]) => T): Promise<T[]> {
  return ((await node?.children?.()) ?? []).filter((child): child is T => child instanceof type);
}
