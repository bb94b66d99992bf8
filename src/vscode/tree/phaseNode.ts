import * as vscode from 'vscode';
import type { PhaseScope, ProjectPhase, SpatialStructureElement } from '../../core/api';
import { nodeId } from '../../core/model/nodeIds';
import { buildSpatialTree } from '../../core/model/spatialTree';
import { BranchNode } from './branchNode';
import { item, tooltip, type ExplorerNode } from './explorerNode';
import { PagedChildren, type LevelPage } from './pagedChildren';
import { SpatialElementNode } from './spatialElementNode';
import type { TreeContext } from './treeContext';

/**
 * A project phase: its spatial structure (plots, buildings, building parts, storeys), one page per request, nested
 * anew as each page comes (an element whose parent arrives later moves under it).
 */
export class PhaseNode extends BranchNode<SpatialStructureElement> implements ExplorerNode {
  readonly id: string;
  get dataId(): string { return this.phase.id; }
  protected readonly level: PagedChildren<SpatialStructureElement>;

  constructor(readonly parent: ExplorerNode, context: TreeContext, readonly domainAccountId: string, readonly phase: ProjectPhase) {
    super();
    this.id = nodeId(parent.id, [['phase', phase.id]]);
    const scope = { domainAccountId, projectPhaseId: phase.id };
    this.level = new PagedChildren(this, {
      loadPage: (offset, signal) => spatialStructurePage(context, scope, offset, signal),
      present: elements => buildSpatialTree(elements).map(tree => new SpatialElementNode(this, domainAccountId, phase.id, tree)),
      empty: { key: 'empty', message: 'This phase has no spatial structure yet.' },
    });
  }

  treeItem(): vscode.TreeItem {
    return item(this, this.phase.name, {
      icon: 'milestone',
      contextValue: 'phase expandable',
      collapsible: vscode.TreeItemCollapsibleState.Collapsed,
      description: this.phase.code,
      tooltip: tooltip(this.phase.name, { 'Project phase id': this.phase.id, Code: this.phase.code, 'Domain account id': this.domainAccountId }),
    });
  }
}

/** One page of a phase's spatial structure, and whether it was the last (a short page, or the total reached). */
async function spatialStructurePage(context: TreeContext, scope: PhaseScope, offset: number, signal: AbortSignal): Promise<LevelPage<SpatialStructureElement>> {
  const pages = context.client.spatialStructurePages(scope, { offset, limit: context.pageSize, maxPages: 1, prefetch: 1, signal });
  const result = await pages.next();
  await pages.return(undefined);
  if (result.done) return { items: [], done: true };
  const page = result.value;
  const served = page.offset + Math.max(page.limit, 1);
  return { items: page.items, total: page.total, done: page.items.length < page.limit || (page.total !== undefined && served >= page.total) };
}
