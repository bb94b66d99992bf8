import * as vscode from 'vscode';
import type { Location, Project, ProjectPhase } from '../../core/api';
import { sortByName, sortPhases } from '../../core/model/levelOrder';
import { nodeId } from '../../core/model/nodeIds';
import { BranchNode } from './branchNode';
import { item, tooltip, type ExplorerNode } from './explorerNode';
import { alreadyLoaded, PagedChildren } from './pagedChildren';
import { PhaseNode } from './phaseNode';
import type { TreeContext } from './treeContext';

/** A location; its projects and phases came with the domain account's one request. */
export class LocationNode extends BranchNode<Project> implements ExplorerNode {
  readonly id: string;
  get dataId(): string { return this.location.id; }
  protected readonly level: PagedChildren<Project>;

  constructor(readonly parent: ExplorerNode, context: TreeContext, readonly domainAccountId: string, readonly location: Location) {
    super();
    this.id = nodeId(parent.id, [['loc', location.id]]);
    this.level = new PagedChildren(this, {
      loadPage: alreadyLoaded(location.projects),
      present: projects => sortByName(projects).map(project => new ProjectNode(this, context, domainAccountId, project)),
      empty: { key: 'empty', message: 'No projects you can see at this location.' },
    });
  }

  treeItem(): vscode.TreeItem {
    return item(this, this.location.name, {
      icon: 'location',
      contextValue: 'location expandable',
      collapsible: vscode.TreeItemCollapsibleState.Collapsed,
      description: this.location.city,
      tooltip: tooltip(this.location.name, { 'Location id': this.location.id, City: this.location.city, Projects: this.location.projects.length }),
    });
  }
}

/** A project; its phases in their order (design, construction, operations …), from data already loaded. */
export class ProjectNode extends BranchNode<ProjectPhase> implements ExplorerNode {
  readonly id: string;
  get dataId(): string { return this.project.id; }
  protected readonly level: PagedChildren<ProjectPhase>;

  constructor(readonly parent: ExplorerNode, context: TreeContext, readonly domainAccountId: string, readonly project: Project) {
    super();
    this.id = nodeId(parent.id, [['proj', project.id]]);
    this.level = new PagedChildren(this, {
      loadPage: alreadyLoaded(project.phases),
      present: phases => sortPhases(phases).map(phase => new PhaseNode(this, context, domainAccountId, phase)),
      empty: { key: 'empty', message: 'No phases of this project are linked to your teams.' },
    });
  }

  treeItem(): vscode.TreeItem {
    return item(this, this.project.name, {
      icon: 'project',
      contextValue: 'project expandable',
      collapsible: vscode.TreeItemCollapsibleState.Collapsed,
      description: this.project.code,
      tooltip: tooltip(this.project.name, { 'Project id': this.project.id, Code: this.project.code, Phases: this.project.phases.length }),
    });
  }
}
