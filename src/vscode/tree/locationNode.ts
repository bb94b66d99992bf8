import * as vscode from 'vscode';
import type { Location, Project } from '../../core/api';
import { sortByName, sortPhases } from '../../core/model/levelOrder';
import type { ExplorerNode } from './explorerNode';
import { item, tooltip } from './explorerNode';
import { PhaseNode } from './phaseNode';
import { MessageNode } from './statusNodes';
import type { TreeContext } from './treeContext';

/** A location; its projects and phases came with the domain account's one request. */
export class LocationNode implements ExplorerNode {
  readonly id: string;
  get dataId(): string { return this.location.id; }
  constructor(readonly parent: ExplorerNode, private readonly context: TreeContext, readonly domainAccountId: string, readonly location: Location) {
    this.id = `${parent.id}/loc=${encodeURIComponent(location.id)}`;
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

  /** Built once from data already loaded: the same nodes every time, so their own loads stay cached. */
  private projects: ExplorerNode[] | undefined;

  async children(): Promise<ExplorerNode[]> {
    this.projects ??= this.location.projects.length
      ? sortByName(this.location.projects).map(project => new ProjectNode(this, this.context, this.domainAccountId, project))
      : [new MessageNode(this, 'empty', 'No projects you can see at this location.')];
    return this.projects;
  }
}

/** A project; its phases in their order (design, construction, operations …). */
export class ProjectNode implements ExplorerNode {
  readonly id: string;
  get dataId(): string { return this.project.id; }
  constructor(readonly parent: ExplorerNode, private readonly context: TreeContext, readonly domainAccountId: string, readonly project: Project) {
    this.id = `${parent.id}/proj=${encodeURIComponent(project.id)}`;
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

  /** Built once from data already loaded: the same phase nodes every time, so their pages stay loaded. */
  private phases: ExplorerNode[] | undefined;

  async children(): Promise<ExplorerNode[]> {
    this.phases ??= this.project.phases.length
      ? sortPhases(this.project.phases).map(phase => new PhaseNode(this, this.context, this.domainAccountId, phase))
      : [new MessageNode(this, 'empty', 'No phases of this project are linked to your teams.')];
    return this.phases;
  }
}
