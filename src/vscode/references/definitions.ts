// Go to Definition and Peek Definition on a reference: the referenced entity's own single-entity document, loaded
// here (so the peek shows it at once and the range is its name), else at its top: opening it then shows why it
// could not be loaded, with Try Again.
import * as vscode from 'vscode';
import { isBimlinkApiError } from '../../core/api';
import { scanEntityDocument } from '../../core/references/documentScan';
import type { EntityDocuments } from '../documents/entityDocuments';
import { entityDocumentUri } from '../documents/entityDocuments';
import type { EntityFileSystem } from '../documents/entityFileSystem';
import { signalOf, type ReferenceServices } from './referenceServices';
import { referencedEntity } from './referenceTargets';
import { positionsIn } from './textPositions';

export class ReferenceDefinitionProvider implements vscode.DefinitionProvider {
  constructor(private readonly services: ReferenceServices, private readonly documents: Pick<EntityDocuments, 'load'>,
    private readonly files: Pick<EntityFileSystem, 'remember'>) {}

  async provideDefinition(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Location | undefined> {
    const signal = signalOf(token);
    const found = await this.services.scanOf(document, signal);
    const offset = document.offsetAt(position);
    const reference = found?.scan.references.find(r => r.start <= offset && offset <= r.end);
    const ref = found && reference && referencedEntity(found.scope, reference.target, reference.id);
    if (!found || !ref) return undefined;
    const uri = entityDocumentUri(ref);
    try {
      const loaded = await this.documents.load(ref, {}, signal);
      this.files.remember(loaded.uri, loaded.content);
      const text = new TextDecoder().decode(loaded.content);
      const name = scanEntityDocument(text, found.table).symbols[0]?.nameRange;
      const at = positionsIn(text);
      return new vscode.Location(loaded.uri, name ? new vscode.Range(at(name.start), at(name.end)) : new vscode.Position(0, 0));
    } catch (error) {
      if (token.isCancellationRequested || (isBimlinkApiError(error) && error.kind === 'cancelled')) return undefined;
      return new vscode.Location(uri, new vscode.Position(0, 0)); // the editor loads it again and shows the failure
    }
  }
}
