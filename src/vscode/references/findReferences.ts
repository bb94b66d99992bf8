// Find References: Shift+F12 (this ReferenceProvider) and the command BIMlink: Find References both search what
// refers to the entity under the cursor (usageSearch.ts); the matches are Locations in the documents it renders.
import * as vscode from 'vscode';
import { isCancellation } from '../feedback/errorMessages';
import { showInformationMessage } from '../feedback/messages';
import type { EntityFileSystem } from '../documents/entityFileSystem';
import type { ReferenceServices } from './referenceServices';
import { signalOf } from './referenceServices';
import { searchUsages, usageQueryAt, type UsageQuery, type UsageResults } from './usageSearch';

export class EntityReferenceProvider implements vscode.ReferenceProvider {
  constructor(private readonly services: ReferenceServices, private readonly files: Pick<EntityFileSystem, 'serve'>) {}

  async provideReferences(document: vscode.TextDocument, position: vscode.Position, context: vscode.ReferenceContext,
    token: vscode.CancellationToken): Promise<vscode.Location[] | undefined> {
    const found = await this.services.scanOf(document, signalOf(token));
    const query = found && usageQueryAt(found, document, position);
    if (!found || !query) return undefined;
    let locations: vscode.Location[];
    try {
      ({ locations } = await searchUsages(found, query, this.files, token));
    } catch (error) {
      if (isCancellation(error)) return undefined; // the editor's cancel, or the notification's: nothing to report
      throw error;
    }
    return context.includeDeclaration && query.own ? [new vscode.Location(document.uri, query.own), ...locations] : locations;
  }
}

/**
 * The command: the entity under the cursor of `uri`'s editor (else the active editor's), searched, and the matches
 * shown in the References view. Failures go to the command wrapper.
 */
export async function findReferences(services: ReferenceServices, files: Pick<EntityFileSystem, 'serve'>, uri?: vscode.Uri): Promise<UsageResults | undefined> {
  const editor = uri ? vscode.window.visibleTextEditors.find(e => e.document.uri.toString() === uri.toString()) ?? vscode.window.activeTextEditor
    : vscode.window.activeTextEditor;
  if (editor?.document.uri.scheme !== 'bimlink') {
    void showInformationMessage('Open a BIMlink entity document and put the cursor on an id to find what refers to it.');
    return undefined;
  }
  const found = await services.scanOf(editor.document);
  if (!found) throw new Error('Sign in to BIMlink to find references.');
  const position = editor.selection.active;
  const query = usageQueryAt(found, editor.document, position);
  if (!query) {
    void showInformationMessage('Put the cursor on an entity\'s id, or on an id it refers to, to find what refers to that entity.');
    return undefined;
  }
  const results = await searchUsages(found, query, files);
  tell(query, results);
  if (results.locations.length) await vscode.commands.executeCommand('editor.action.showReferences', editor.document.uri, position, results.locations);
  return results;
}

function tell(query: UsageQuery, { summary, shown, left }: UsageResults): void {
  const searched = `${summary.collections.join(', ')}: ${summary.read.toLocaleString('en')} entities`;
  if (!summary.collections.length) void showInformationMessage(`No collection is known to refer to ${query.collection}, so nothing was searched.`);
  else if (!summary.found) void showInformationMessage(`Nothing in this project phase refers to ${query.name} (searched ${searched}).`);
  else if (left) void showInformationMessage(`${(shown + left).toLocaleString('en')} entities refer to ${query.name}; the first ${shown.toLocaleString('en')} are listed.`);
}
