import * as vscode from 'vscode';
import { CollectionNotFoundError, type CollectionInfo } from '../../core/api';
import { collectionArgument, entitySourceOf, idArgument, type EntitySource } from '../../core/model/commandArguments';
import { collectionPattern, type EntityDocumentRef, type PageState } from '../../core/model/entityDocument';
import { literalText } from '../../core/text/untrustedText';
import { describeError, isCancellation } from '../feedback/errorMessages';
import { showErrorMessage, showInformationMessage } from '../feedback/messages';
import { pageOf, type EntityDocuments } from '../documents/entityDocuments';
import type { EntityFileSystem } from '../documents/entityFileSystem';
import { ExportFile, type ExportFormat } from '../documents/exportFile';
import type { ExplorerTreeDataProvider } from '../tree/explorerTreeDataProvider';
import { PhaseNode } from '../tree/phaseNode';
import { SpatialElementNode } from '../tree/spatialElementNode';
import type { Connection } from '../connection/connection';
import { pickProjectPhase } from './explorerCommands';

export interface EntityCommandDependencies {
  readonly connection: Connection;
  readonly documents: EntityDocuments;
  readonly files: EntityFileSystem;
  readonly tree: ExplorerTreeDataProvider;
  readonly log: vscode.LogOutputChannel;
}

type Source = EntitySource;

/**
 * The entity commands. Their arguments may come from a script or from a command link (plain JSON from wherever the
 * link was), so each is used only when it has the expected shape (see commandArguments); otherwise the command asks,
 * as when run from the palette.
 */
export function entityCommands(deps: EntityCommandDependencies): Record<string, (...args: unknown[]) => unknown> {
  return {
    'bimlink.openEntities': async (node?: unknown, collection?: unknown) => {
      const source = await sourceOf(node, deps);
      const chosen = source && (collectionArgument(collection) ?? await pickCollection(deps.documents, source, 'open'));
      if (!source || !chosen) return;
      const ref: EntityDocumentRef = { kind: 'page', domainAccountId: source.domainAccountId, projectPhaseId: source.projectPhaseId,
        collection: chosen, ...(source.storey ? { storeyId: source.storey.id } : {}), offset: 0, limit: await deps.documents.limitFor(chosen) };
      return open(deps, ref, { storeyName: source.storey?.name });
    },
    'bimlink.openEntity': async (node?: unknown, collection?: unknown, entityId?: unknown) => {
      const source = await sourceOf(node, deps);
      const chosen = source && (collectionArgument(collection) ?? await pickCollection(deps.documents, { ...source, storey: undefined }, 'open one entity of'));
      const id = chosen && (idArgument(entityId) ?? (await vscode.window.showInputBox({
        title: `Open one entity of ${chosen}`, prompt: 'The id of the entity', ignoreFocusOut: true,
        validateInput: value => value.trim() ? undefined : 'Enter an id.',
      }))?.trim());
      if (!source || !chosen || !id) return;
      return open(deps, { kind: 'entity', domainAccountId: source.domainAccountId, projectPhaseId: source.projectPhaseId, collection: chosen, entityId: id });
    },
    'bimlink.nextPage': (uri?: unknown) => turnPage(deps, uri instanceof vscode.Uri ? uri : undefined, +1),
    'bimlink.previousPage': (uri?: unknown) => turnPage(deps, uri instanceof vscode.Uri ? uri : undefined, -1),
    'bimlink.exportEntities': async (node?: unknown, collection?: unknown, target?: unknown) => {
      const source = await sourceOf(node, deps);
      const chosen = source && (collectionArgument(collection) ?? await pickCollection(deps.documents, source, 'export'));
      if (!source || !chosen) return;
      const given = await exportTargetOf(target);
      const file = given?.isNew ? given.uri : await vscode.window.showSaveDialog({
        title: `Export ${chosen}${source.storey ? ` of ${source.storey.name}` : ''}`,
        saveLabel: 'Export',
        defaultUri: given?.uri ?? defaultExportUri(`${chosen}${source.storey ? `-${source.storey.name}` : ''}.ndjson`),
        filters: { 'JSON Lines (one entity per line)': ['ndjson', 'jsonl'], JSON: ['json'] },
      });
      if (file) return exportCollection(deps, source, chosen, file);
    },
  };
}

/** The phase or storey a command works on: the tree node it was run on, a source a script named, or a phase the user picks. */
async function sourceOf(node: unknown, { tree, connection }: EntityCommandDependencies): Promise<Source | undefined> {
  if (node instanceof SpatialElementNode) {
    const { element } = node.tree;
    return { domainAccountId: node.domainAccountId, projectPhaseId: node.projectPhaseId,
      ...(node.isStorey ? { storey: { id: element.id, name: element.name } } : {}) };
  }
  if (node instanceof PhaseNode) return { domainAccountId: node.domainAccountId, projectPhaseId: node.phase.id };
  const named = entitySourceOf(node); // from a script: { domainAccountId, projectPhaseId, storey? }
  if (named) return named;
  const phase = await pickProjectPhase(tree, connection);
  return phase && { domainAccountId: phase.domainAccountId, projectPhaseId: phase.phase.id };
}

/**
 * A target file given with the command, and whether the export may write it without the save dialog: only a
 * `vscode.Uri` for an export file (.ndjson, .jsonl, .json) that does not exist yet. A command link's arguments are
 * JSON: a plain object is no Uri, but one marked `"$mid": 1` is rebuilt into a real Uri by VS Code, so being a Uri
 * proves nothing more, and an existing file is only ever replaced through the save dialog, whose own confirmation
 * asks first (the dialog opens with the file as its suggestion). The Uri is rebuilt from its parts, so the path
 * checked is the path written (a rebuilt one may carry an `fsPath` of its own).
 */
async function exportTargetOf(target: unknown): Promise<{ uri: vscode.Uri; isNew: boolean } | undefined> {
  if (!(target instanceof vscode.Uri)) return undefined;
  const uri = vscode.Uri.from({ scheme: target.scheme, authority: target.authority, path: target.path });
  const isExportFile = /\.(ndjson|jsonl|json)$/i.test(uri.path);
  const exists = await vscode.workspace.fs.stat(uri).then(() => true, () => false);
  return { uri, isNew: isExportFile && !exists };
}

type CollectionPick = vscode.QuickPickItem & { collection?: CollectionInfo };

/** Picks a collection the server offers, or another one by name ("Other collection…"). */
async function pickCollection(documents: EntityDocuments, source: Source, verb: string): Promise<string | undefined> {
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
  picks.catch(() => undefined);
  const title = `Choose the collection to ${verb}${source.storey ? ` (storey ${source.storey.name})` : ''}`;
  const chosen = await vscode.window.showQuickPick(picks, { title, placeHolder: 'BIM collection', matchOnDetail: true })
    .then(undefined, error => {
      void showErrorMessage(`The BIM collections could not be listed: ${describeError(error)}`);
      return undefined;
    });
  if (!chosen || chosen.collection) return chosen?.collection?.name;
  return (await vscode.window.showInputBox({
    title, prompt: 'The collection\'s name as it appears in the API\'s paths, e.g. objects (…/projectphases/{id}/objects)',
    ignoreFocusOut: true,
    validateInput: value => collectionPattern.test(value.trim()) ? undefined : 'A name of letters, digits, - and _, starting with a letter.',
  }))?.trim() || undefined;
}

/** Loads a document with a cancellable progress notification, then shows it; a failure offers Retry. */
async function open(deps: EntityCommandDependencies, ref: EntityDocumentRef, state: PageState = {}): Promise<vscode.TextEditor | undefined> {
  const { storeyName } = state;
  const what = ref.kind === 'page' ? `${ref.collection}${storeyName ? ` of ${storeyName}` : ''}` : `${ref.collection} ${ref.entityId}`;
  try {
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
  } catch (error) {
    if (isCancellation(error)) return undefined;
    const message = `Loading ${what} failed: ${describeError(error)}`;
    deps.log.warn(message);
    if (error instanceof CollectionNotFoundError) void offerOtherCollection(message, 'bimlink.openEntities', sourceOfRef(ref, state));
    else void showErrorMessage(message, 'Retry').then(choice => { if (choice) void open(deps, ref, state); });
    return undefined;
  }
}

async function turnPage(deps: EntityCommandDependencies, uri: vscode.Uri | undefined, direction: 1 | -1): Promise<unknown> {
  const current = pageOf(uri ?? vscode.window.activeTextEditor?.document.uri);
  if (!current) {
    void showInformationMessage('Open a page of BIMlink entities first (BIMlink: Open Entities).');
    return;
  }
  const { ref, state } = current;
  const offset = ref.offset + direction * ref.limit;
  if (offset < 0) {
    void showInformationMessage('This is the first page.');
    return;
  }
  if (direction > 0 && state.total !== undefined && offset >= state.total) {
    void showInformationMessage('This is the last page.');
    return;
  }
  return open(deps, { ...ref, offset }, state);
}

/** A collection this server does not serve: refreshing cannot help, choosing another collection or naming it can. */
async function offerOtherCollection(message: string, command: 'bimlink.openEntities' | 'bimlink.exportEntities', source: Source): Promise<void> {
  const choice = await showErrorMessage(message, 'Choose Another Collection', 'Open Setting');
  if (choice === 'Open Setting') await vscode.commands.executeCommand('workbench.action.openSettings', 'bimlink.collections');
  if (choice === 'Choose Another Collection') await vscode.commands.executeCommand(command, source);
}

function sourceOfRef(ref: EntityDocumentRef, state: PageState): Source {
  return { domainAccountId: ref.domainAccountId, projectPhaseId: ref.projectPhaseId,
    ...(ref.kind === 'page' && ref.storeyId ? { storey: { id: ref.storeyId, name: state.storeyName ?? ref.storeyId } } : {}) };
}

/** Streams every page of a collection into a file, with progress (count of total) and cancellation. */
async function exportCollection(deps: EntityCommandDependencies, source: Source, collection: string, target: vscode.Uri): Promise<number | undefined> {
  if (target.scheme !== 'file') {
    void showErrorMessage('BIMlink can export only to a file on the computer VS Code runs its extensions on.');
    return undefined;
  }
  const format: ExportFormat = /\.json$/i.test(target.fsPath) ? 'json' : 'ndjson';
  const label = `${collection}${source.storey ? ` of ${source.storey.name}` : ''}`;
  let file: ExportFile | undefined;
  try {
    const count = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: literalText(`Exporting ${label}`), cancellable: true },
      async (progress, token) => {
        const controller = new AbortController();
        token.onCancellationRequested(() => controller.abort());
        file = new ExportFile(target.fsPath, format);
        const limit = await deps.documents.maxLimitFor(collection); // fewest requests: the server's largest page
        let written = 0;
        let reported = 0;
        const pages = deps.documents.client().entityPages(
          { domainAccountId: source.domainAccountId, projectPhaseId: source.projectPhaseId, collection, storeyId: source.storey?.id },
          { limit, signal: controller.signal });
        for await (const page of pages) {
          if (token.isCancellationRequested) throw new vscode.CancellationError();
          await file.add(page.items);
          written += page.items.length;
          const share = page.total ? Math.min(100, (written / page.total) * 100) : 0;
          progress.report({ increment: share - reported, message: `${written.toLocaleString('en')}${page.total !== undefined ? ` of ${page.total.toLocaleString('en')}` : ''} entities` });
          reported = share;
        }
        if (token.isCancellationRequested) throw new vscode.CancellationError();
        return file.complete();
      });
    deps.log.info(`Exported ${count} ${label} entities to ${target.fsPath}.`);
    void showInformationMessage(`Exported ${count.toLocaleString('en')} entities (${label}) to ${target.fsPath}.`, 'Open')
      .then(choice => { if (choice) void vscode.commands.executeCommand('vscode.open', target); });
    return count;
  } catch (error) {
    await file?.discard();
    if (isCancellation(error)) {
      deps.log.info(`The export of ${label} was cancelled; nothing was written to ${target.fsPath}.`);
      return undefined;
    }
    const message = `Exporting ${label} failed: ${describeError(error)} Nothing was written to ${target.fsPath}.`;
    deps.log.warn(message);
    if (error instanceof CollectionNotFoundError) void offerOtherCollection(message, 'bimlink.exportEntities', source);
    else void showErrorMessage(message, 'Retry').then(choice => { if (choice) void exportCollection(deps, source, collection, target); });
    return undefined;
  }
}

function defaultExportUri(name: string): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder && vscode.Uri.joinPath(folder, name.replace(/[/\\:*?"<>|]/g, '_'));
}

