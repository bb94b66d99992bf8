// Where a reference leads: the referenced entity's own `bimlink:` single-entity document, built by the extension from
// validated ids; for a spatial element, the command that reveals it in the explorer and opens it. A value from the
// server never becomes a link target any other way.
import * as vscode from 'vscode';
import type { PhaseScope } from '../../core/api';
import { collectionPattern, isPlausibleId, type SingleEntityRef } from '../../core/model/entityDocument';
import { SPATIAL_STRUCTURE } from '../../core/references/referenceTable';
import { entityDocumentUri } from '../documents/entityDocuments';

export const revealSpatialElementCommand = 'bimlink.revealSpatialElement';

/** The single entity a reference names, when its collection and id are fit for an address. */
export function referencedEntity(scope: PhaseScope, collection: string, id: string): SingleEntityRef | undefined {
  if (!collectionPattern.test(collection) || !isPlausibleId(id) || !id.trim()) return undefined;
  if (!isPlausibleId(scope.domainAccountId) || !isPlausibleId(scope.projectPhaseId)) return undefined;
  return { kind: 'entity', domainAccountId: scope.domainAccountId, projectPhaseId: scope.projectPhaseId, collection, entityId: id };
}

/** What Ctrl/Cmd+click on a reference opens, and the tooltip that says so. */
export function linkTarget(scope: PhaseScope, collection: string, id: string): { target: vscode.Uri; tooltip: string } | undefined {
  const ref = referencedEntity(scope, collection, id);
  if (!ref) return undefined;
  if (collection === SPATIAL_STRUCTURE) {
    // As VS Code reads a command link: the query, URI-decoded, is the JSON array of the arguments (re-validated by the command).
    const args = [{ domainAccountId: ref.domainAccountId, projectPhaseId: ref.projectPhaseId }, ref.entityId];
    return {
      target: vscode.Uri.from({ scheme: 'command', path: revealSpatialElementCommand, query: encodeURIComponent(JSON.stringify(args)) }),
      tooltip: 'Show this spatial element in the BIMlink explorer and open it',
    };
  }
  return { target: entityDocumentUri(ref), tooltip: `Open the ${collection} entity this id refers to` };
}
