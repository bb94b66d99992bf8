import * as vscode from 'vscode';
import type { CollectionInfo } from '../../core/api';
import type { EntitySource } from '../../core/model/commandArguments';
import { collectionPattern } from '../../core/model/entityDocument';
import type { EntityDocuments } from '../documents/entityDocuments';
import { failsAs } from './commandError';

type CollectionPick = vscode.QuickPickItem & { collection?: CollectionInfo };

/** Picks a collection the server offers, or another one by name ("Other collection…"). */
export async function pickCollection(documents: EntityDocuments, source: EntitySource, verb: string): Promise<string | undefined> {
  const picks = documents.listCollections().then(all => [
    ...all
      .filter(c => !source.storey || c.storeyFilter) // on a storey: only what can be filtered by storey
      .map((collection): CollectionPick => ({
        label: collection.name,
        description: collection.paths.length === 1 && collection.paths[0] !== collection.name ? `at …/${collection.paths[0]}` : undefined,
        detail: collection.summary,
        collection,
      })),
    { label: '', kind: vscode.QuickPickItemKind.Separator },
    { label: '$(edit) Other collection…', detail: 'Type the name this server uses for a collection' },
  ]);
  picks.catch(() => undefined); // the picker reports it
  const title = `Choose the collection to ${verb}${source.storey ? ` (storey ${source.storey.name})` : ''}`;
  const chosen = await failsAs(() => vscode.window.showQuickPick(picks, { title, placeHolder: 'BIM collection', matchOnDetail: true }),
    reason => `The BIM collections could not be listed: ${reason}`);
  if (!chosen || chosen.collection) return chosen?.collection?.name;
  return (await vscode.window.showInputBox({
    title, prompt: 'The collection\'s name as it appears in the API\'s paths, e.g. objects (…/projectphases/{id}/objects)',
    ignoreFocusOut: true,
    validateInput: value => collectionPattern.test(value.trim()) ? undefined : 'A name of letters, digits, - and _, starting with a letter.',
  }))?.trim() || undefined;
}
