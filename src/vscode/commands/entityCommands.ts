import * as vscode from 'vscode';
import type { EntitySource } from '../../core/model/commandArguments';
import type { EntityDocuments } from '../documents/entityDocuments';
import type { EntityFileSystem } from '../documents/entityFileSystem';
import type { ExplorerTreeDataProvider } from '../tree/explorerTreeDataProvider';
import type { Connection } from '../connection/connection';
import { defineCommand, type Command } from './command';
import { collectionName, documentUri, entityId, entitySource, exportTarget } from './commandParameters';
import { exportEntities } from './exportEntities';
import { openDocument, turnPage } from './openDocument';
import { pickCollection } from './pickCollection';
import { pickProjectPhase } from './pickProjectPhase';

export interface EntityCommandDependencies {
  readonly connection: Connection;
  readonly documents: EntityDocuments;
  readonly files: EntityFileSystem;
  readonly tree: ExplorerTreeDataProvider;
  readonly log: vscode.LogOutputChannel;
}

/** The entity commands. An argument missing or not in its shape (see commandParameters) is asked for, as from the palette. */
export function entityCommands(deps: EntityCommandDependencies): Command[] {
  return [
    defineCommand({
      id: 'bimlink.openEntities',
      parameters: [entitySource, collectionName],
      run: async (given, collection) => {
        const source = given ?? await pickSource(deps);
        const chosen = source && (collection ?? await pickCollection(deps.documents, source, 'open'));
        if (!source || !chosen) return undefined;
        const limit = await deps.documents.limitFor(chosen);
        return openDocument(deps, { kind: 'page', domainAccountId: source.domainAccountId, projectPhaseId: source.projectPhaseId,
          collection: chosen, ...(source.storey ? { storeyId: source.storey.id } : {}), offset: 0, limit }, { storeyName: source.storey?.name });
      },
    }),
    defineCommand({
      id: 'bimlink.openEntity',
      parameters: [entitySource, collectionName, entityId],
      run: async (given, collection, entity) => {
        const source = given ?? await pickSource(deps);
        const chosen = source && (collection ?? await pickCollection(deps.documents, { ...source, storey: undefined }, 'open one entity of'));
        const id = chosen && (entity ?? (await vscode.window.showInputBox({
          title: `Open one entity of ${chosen}`, prompt: 'The id of the entity', ignoreFocusOut: true,
          validateInput: value => value.trim() ? undefined : 'Enter an id.',
        }))?.trim());
        if (!source || !chosen || !id) return undefined;
        return openDocument(deps, { kind: 'entity', domainAccountId: source.domainAccountId, projectPhaseId: source.projectPhaseId, collection: chosen, entityId: id });
      },
    }),
    defineCommand({ id: 'bimlink.nextPage', parameters: [documentUri], run: uri => turnPage(deps, uri, +1) }),
    defineCommand({ id: 'bimlink.previousPage', parameters: [documentUri], run: uri => turnPage(deps, uri, -1) }),
    defineCommand({
      id: 'bimlink.exportEntities',
      parameters: [entitySource, collectionName, exportTarget],
      run: async (given, collection, target) => {
        const source = given ?? await pickSource(deps);
        const chosen = source && (collection ?? await pickCollection(deps.documents, source, 'export'));
        return source && chosen ? exportEntities(deps, source, chosen, target) : undefined;
      },
    }),
  ];
}

/** A phase the user picks, when the command was given none. */
async function pickSource({ tree, connection }: EntityCommandDependencies): Promise<EntitySource | undefined> {
  const phase = await pickProjectPhase(tree, connection);
  return phase && { domainAccountId: phase.domainAccountId, projectPhaseId: phase.phase.id };
}
