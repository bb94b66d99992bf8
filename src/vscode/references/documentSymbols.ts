// The Outline and breadcrumbs of a `bimlink:` document: each entity by its name (else its id), with its IFC type or
// kind beside it.
import * as vscode from 'vscode';
import { signalOf, type ReferenceServices } from './referenceServices';

export class EntitySymbolProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly services: ReferenceServices) {}

  async provideDocumentSymbols(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.DocumentSymbol[]> {
    const found = await this.services.scanOf(document, signalOf(token));
    const range = (start: number, end: number) => new vscode.Range(document.positionAt(start), document.positionAt(end));
    return (found?.scan.symbols ?? []).map(symbol => new vscode.DocumentSymbol(
      symbol.name.trim() || '(no name)', // VS Code refuses an empty name
      symbol.detail ?? '',
      vscode.SymbolKind.Object,
      range(symbol.range.start, symbol.range.end),
      range(symbol.nameRange.start, symbol.nameRange.end),
    ));
  }
}
