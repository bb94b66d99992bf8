import * as vscode from 'vscode';
import { collectionArgument, entitySourceOf, idArgument, type EntitySource } from '../../core/model/commandArguments';
import { isExplorerNode, type ExplorerNode } from '../tree/explorerNode';
import { PhaseNode } from '../tree/phaseNode';
import { SpatialElementNode } from '../tree/spatialElementNode';
import type { Parser } from './command';

/**
 * The parsers of the commands' arguments. A caller may be a row of the tree, a script, or a command link whose
 * arguments are plain JSON from wherever the link was, so each argument is taken only in its exact shape.
 */

/** A row of the explorer, as VS Code hands it to a row's command (JSON cannot carry a node's methods). */
export const explorerNode: Parser<ExplorerNode> = value => isExplorerNode(value) ? value : undefined;

/** The phase or storey to take entities from: a phase's or storey's row, or `{ domainAccountId, projectPhaseId, storey? }`. */
export const entitySource: Parser<EntitySource> = value => {
  if (value instanceof SpatialElementNode) {
    const { element } = value.tree;
    return { domainAccountId: value.domainAccountId, projectPhaseId: value.projectPhaseId,
      ...(value.isStorey ? { storey: { id: element.id, name: element.name } } : {}) };
  }
  if (value instanceof PhaseNode) return { domainAccountId: value.domainAccountId, projectPhaseId: value.phase.id };
  return entitySourceOf(value);
};

export const collectionName: Parser<string> = collectionArgument;
export const entityId: Parser<string> = idArgument;

/** An entity document's address (Next Page, Previous Page from the editor's title bar). */
export const documentUri: Parser<vscode.Uri> = value => value instanceof vscode.Uri ? value : undefined;

/**
 * The file to export to. A command link's plain object is no Uri, but one marked `"$mid": 1` is rebuilt into a real
 * Uri by VS Code, so being a Uri proves nothing more (see exportEntities for when it skips the save dialog). It is
 * rebuilt from its parts, so the path checked is the path written (a rebuilt one may carry an `fsPath` of its own).
 */
export const exportTarget: Parser<vscode.Uri> = value =>
  value instanceof vscode.Uri ? vscode.Uri.from({ scheme: value.scheme, authority: value.authority, path: value.path }) : undefined;
