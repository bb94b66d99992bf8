// Registers the providers of issue 18 for `bimlink:` documents. Registering costs nothing: each provider builds the
// per-client services (referenceServices.ts) on its first use.
import * as vscode from 'vscode';
import type { EntityDocuments } from '../documents/entityDocuments';
import type { EntityFileSystem } from '../documents/entityFileSystem';
import { ReferenceDefinitionProvider } from './definitions';
import { ReferenceLinkProvider } from './documentLinks';
import { EntitySymbolProvider } from './documentSymbols';
import { EntityReferenceProvider } from './findReferences';
import { ReferenceHoverProvider } from './hovers';
import type { ReferenceServices } from './referenceServices';

export const bimlinkDocuments: vscode.DocumentSelector = { scheme: 'bimlink' };

export function registerReferenceProviders(services: ReferenceServices, documents: EntityDocuments, files: EntityFileSystem): vscode.Disposable[] {
  return [
    vscode.languages.registerDocumentLinkProvider(bimlinkDocuments, new ReferenceLinkProvider(services)),
    vscode.languages.registerHoverProvider(bimlinkDocuments, new ReferenceHoverProvider(services)),
    vscode.languages.registerDefinitionProvider(bimlinkDocuments, new ReferenceDefinitionProvider(services, documents, files)),
    vscode.languages.registerReferenceProvider(bimlinkDocuments, new EntityReferenceProvider(services, files)),
    vscode.languages.registerDocumentSymbolProvider(bimlinkDocuments, new EntitySymbolProvider(services), { label: 'BIMlink entities' }),
  ];
}
