// Hovers on references: the referenced entity's name and kind, and for a spatial element its place (Building ›
// Storey) and elevation. What the resolver has cached answers at once; a miss is resolved in the background, batched
// with every other hover of the phase, and cancelled with the hover. Nothing here ever blocks the editor.
import * as vscode from 'vscode';
import { isBimlinkApiError } from '../../core/api';
import type { ResolvedEntity } from '../../core/references/entityResolver';
import type { ReferenceSpan } from '../../core/references/documentScan';
import { markdownText } from '../../core/text/untrustedText';
import { describeError } from '../feedback/errorMessages';
import { signalOf, type ReferenceServices } from './referenceServices';

export class ReferenceHoverProvider implements vscode.HoverProvider {
  constructor(private readonly services: ReferenceServices) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const signal = signalOf(token);
    const found = await this.services.scanOf(document, signal);
    const offset = document.offsetAt(position);
    const reference = found?.scan.references.find(r => r.start <= offset && offset <= r.end);
    if (!found || !reference) return undefined;
    const { resolver } = found.tools;
    const range = new vscode.Range(document.positionAt(reference.start), document.positionAt(reference.end));
    const cached = resolver.cached(found.scope, reference.target, reference.id);
    if (cached !== undefined) return new vscode.Hover(hoverMarkdown(reference, cached), range);
    try {
      return new vscode.Hover(hoverMarkdown(reference, await resolver.resolve(found.scope, reference.target, reference.id, signal) ?? null), range);
    } catch (error) {
      if (token.isCancellationRequested || (isBimlinkApiError(error) && error.kind === 'cancelled')) return undefined;
      return new vscode.Hover(markdown(`${markdownText(`The ${reference.target} entity ${reference.id} could not be loaded: ${describeError(error)}`)}`), range);
    }
  }
}

/** What a hover says about a reference: the entity found, or that there is none (null). Every server value is escaped. */
export function hoverMarkdown(reference: Pick<ReferenceSpan, 'target' | 'id'>, resolved: ResolvedEntity | null): vscode.MarkdownString {
  if (!resolved) return markdown(markdownText(`No ${reference.target} entity has the id ${reference.id} in this project phase.`));
  const title = `**${markdownText(resolved.label.trim() || '(no name)')}**${resolved.kind ? ` · ${markdownText(resolved.kind)}` : ''}`;
  const lines = [title];
  const { place } = resolved;
  if (place) {
    const elevation = place.elevation !== undefined ? `, elevation ${place.elevation.toFixed(2)} m` : '';
    lines.push(markdownText(`${place.path.join(' › ')}${elevation}`));
  }
  lines.push(markdownText(`${resolved.collection} · ${resolved.id}`));
  return markdown(lines.join('\n\n'));
}

/** Markdown that runs nothing: no command links, no HTML, no icons. */
function markdown(value: string): vscode.MarkdownString {
  const result = new vscode.MarkdownString(value);
  result.isTrusted = false;
  result.supportHtml = false;
  result.supportThemeIcons = false;
  return result;
}
