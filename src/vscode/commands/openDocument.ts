import * as vscode from 'vscode';
import type { EntityDocumentRef, PageState } from '../../core/model/entityDocument';
import { literalText } from '../../core/text/untrustedText';
import { showInformationMessage } from '../feedback/messages';
import { pageOf } from '../documents/entityDocuments';
import { failsAs } from './commandError';
import type { EntityCommandDependencies } from './entityCommands';

/**
 * Loads a document with a cancellable progress notification, then shows it. A failure says what was being loaded;
 * Retry loads the same document again, and for a collection the server lacks, the user can choose another one.
 */
export function openDocument(deps: EntityCommandDependencies, ref: EntityDocumentRef, state: PageState = {}): Promise<vscode.TextEditor | undefined> {
  const what = ref.kind === 'page' ? `${ref.collection}${state.storeyName ? ` of ${state.storeyName}` : ''}` : `${ref.collection} ${ref.entityId}`;
  const source = { domainAccountId: ref.domainAccountId, projectPhaseId: ref.projectPhaseId,
    ...(ref.kind === 'page' && ref.storeyId ? { storey: { id: ref.storeyId, name: state.storeyName ?? ref.storeyId } } : {}) };
  return failsAs(async () => {
    const loaded = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: literalText(`Loading ${what} from BIMlink…`), cancellable: true },
      (_, token) => {
        const controller = new AbortController();
        token.onCancellationRequested(() => controller.abort());
        return deps.documents.load(ref, state, controller.signal);
      });
    if (ref.kind === 'page' && ref.offset > 0 && loaded.page?.items.length === 0) {
      void showInformationMessage(`There are no ${what} after the first ${ref.offset.toLocaleString('en')}: the previous page was the last page.`);
      return undefined;
    }
    deps.files.remember(loaded.uri, loaded.content);
    const document = await vscode.workspace.openTextDocument(loaded.uri);
    return await vscode.window.showTextDocument(document, { preview: true });
  }, reason => `Loading ${what} failed: ${reason}`, {
    again: () => openDocument(deps, ref, state),
    chooseCollection: () => vscode.commands.executeCommand('bimlink.openEntities', source),
  });
}

/** Next Page, Previous Page: the page after or before the one given, or the one in the active editor. */
export async function turnPage(deps: EntityCommandDependencies, uri: vscode.Uri | undefined, direction: 1 | -1): Promise<vscode.TextEditor | undefined> {
  const current = pageOf(uri ?? vscode.window.activeTextEditor?.document.uri);
  if (!current) {
    void showInformationMessage('Open a page of BIMlink entities first (BIMlink: Open Entities).');
    return undefined;
  }
  const { ref, state } = current;
  const offset = ref.offset + direction * ref.limit;
  if (offset < 0) {
    void showInformationMessage('This is the first page.');
    return undefined;
  }
  if (direction > 0 && state.total !== undefined && offset >= state.total) {
    void showInformationMessage('This is the last page.');
    return undefined;
  }
  return openDocument(deps, { ...ref, offset }, state);
}
