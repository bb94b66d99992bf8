// The commands of issue 18: BIMlink: Find References (palette and editor context menu on `bimlink:` documents), and
// the command a spatial element's link runs (reveal it in the explorer and open it). Both go through the one wrapper;
// the link's arguments are parsed again here, as any command link's are.
import type * as vscode from 'vscode';
import { SPATIAL_STRUCTURE } from '../../core/references/referenceTable';
import { defineCommand, type Command } from '../commands/command';
import { documentUri, entityId, entitySource } from '../commands/commandParameters';
import type { EntityCommandDependencies } from '../commands/entityCommands';
import type { ExplorerCommandDependencies } from '../commands/explorerCommands';
import { openDocument } from '../commands/openDocument';
import { findReferences } from './findReferences';
import type { ReferenceServices } from './referenceServices';
import { revealSpatialElementCommand } from './referenceTargets';
import { spatialElementRow } from './revealSpatialElement';

export interface ReferenceCommandDependencies extends EntityCommandDependencies, ExplorerCommandDependencies {
  readonly references: ReferenceServices;
  readonly log: vscode.LogOutputChannel;
}

export function referenceCommands(deps: ReferenceCommandDependencies): Command[] {
  return [
    defineCommand({ id: 'bimlink.findReferences', parameters: [documentUri], run: uri => findReferences(deps.references, deps.files, uri), retry: true }),
    defineCommand({
      id: revealSpatialElementCommand,
      parameters: [entitySource, entityId],
      run: async (source, id) => {
        if (!source || !id) return undefined;
        const scope = { domainAccountId: source.domainAccountId, projectPhaseId: source.projectPhaseId };
        const row = await spatialElementRow(deps.tree, scope, id).catch((error: unknown) => {
          deps.log.warn(`The spatial element ${id} could not be found in the explorer: ${String(error)}`); // the document still opens
          return undefined;
        });
        if (row) await Promise.resolve(deps.view.reveal(row, { select: true, focus: false, expand: true })).catch(() => undefined);
        return openDocument(deps, { kind: 'entity', ...scope, collection: SPATIAL_STRUCTURE, entityId: id });
      },
    }),
  ];
}
