// Links: every reference of a `bimlink:` document opens what it refers to on Ctrl/Cmd+click (referenceTargets.ts).
import * as vscode from 'vscode';
import type { ReferenceServices } from './referenceServices';
import { signalOf } from './referenceServices';
import { linkTarget } from './referenceTargets';

export class ReferenceLinkProvider implements vscode.DocumentLinkProvider {
  constructor(private readonly services: ReferenceServices) {}

  async provideDocumentLinks(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.DocumentLink[]> {
    const found = await this.services.scanOf(document, signalOf(token));
    if (!found) return [];
    const links: vscode.DocumentLink[] = [];
    for (const reference of found.scan.references) {
      const target = linkTarget(found.scope, reference.target, reference.id);
      if (!target) continue;
      const link = new vscode.DocumentLink(new vscode.Range(document.positionAt(reference.start), document.positionAt(reference.end)), target.target);
      link.tooltip = target.tooltip;
      links.push(link);
    }
    return links;
  }
}
