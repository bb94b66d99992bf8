// Compare Phases: two phases of a domain account compared object by object (with a cancellable progress
// notification), the summary and the first 5,000 differences kept until the explorer's Refresh and drawn in a panel.
// A difference opens in VS Code's diff editor (the object in each phase) or as the one object it is.
import * as vscode from 'vscode';
import type { EntitySource } from '../../core/model/commandArguments';
import { comparePhases, type ComparisonSummary, type ObjectDifference } from '../../core/phases/phaseComparison';
import { OBJECTS } from '../../core/phases/phaseOverview';
import { literalText } from '../../core/text/untrustedText';
import { failsAs } from '../commands/commandError';
import { entityDocumentUri } from '../documents/entityDocuments';
import { countProgress } from '../feedback/countProgress';
import { exportComparison } from './comparisonExport';
import { counted, pickPhaseScope, type PhaseCommandDependencies } from './phaseDependencies';
import { phaseNamed, pickEarlierPhase, type ListedPhase } from './phaseChoice';
import { comparisonRequest } from './phaseMessages';
import { tabShown } from './phasePanels';
import { runReporting } from '../commands/command';
import { keyOf } from './phaseResults';

export const maxDifferences = 5000;

export interface Comparison {
  readonly summary: ComparisonSummary;
  /** The first differences found, at most 5,000. */
  readonly differences: readonly ObjectDifference[];
  /** Differences found beyond those. */
  readonly more: number;
}

/** What the comparison's page is given to draw. */
export interface ComparisonState extends Comparison {
  readonly type: 'comparison';
  readonly before: { readonly name: string; readonly code?: string };
  readonly after: { readonly name: string; readonly code?: string };
}

/** Two phases given (before, after); else the one given or picked is the later one and the earlier one is asked for. */
export async function showComparison(deps: PhaseCommandDependencies, first: EntitySource | undefined, second: EntitySource | undefined): Promise<ComparisonSummary | undefined> {
  const scopeOf = (s: EntitySource) => ({ domainAccountId: s.domainAccountId, projectPhaseId: s.projectPhaseId });
  let before: ListedPhase | undefined;
  let after: ListedPhase | undefined;
  if (first && second) {
    [before, after] = [await phaseNamed(deps.tree, scopeOf(first)), await phaseNamed(deps.tree, scopeOf(second))];
  } else {
    const later = first ? scopeOf(first) : await pickPhaseScope(deps);
    after = later && await phaseNamed(deps.tree, later);
    before = after && await pickEarlierPhase(deps.tree, after);
  }
  if (!before || !after) return undefined;
  const client = deps.documents.client();
  const [b, a] = [before, after];
  const comparison = await deps.phaseResults.get(client, 'comparison', [b.scope, a.scope], () => failsAs(() => vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: literalText(`Comparing ${b.phase.name} with ${a.phase.name}`), cancellable: true },
    async (progress, token): Promise<Comparison> => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      const differences: ObjectDifference[] = [];
      let more = 0;
      const report = countProgress(progress);
      const summary = await comparePhases(client, b.scope, a.scope, {
        signal: controller.signal,
        onDifference: d => { if (differences.length < maxDifferences) differences.push(d); else more++; },
        onProgress: (read, total) => report(read, total, count => `${count} objects read · ${counted(differences.length + more)} differences`),
      });
      return { summary, differences, more };
    }), reason => `Comparing ${b.phase.name} with ${a.phase.name} failed: ${reason}`));
  deps.log.info(`Compared ${b.phase.name} with ${a.phase.name}: ${comparison.summary.added} added, ${comparison.summary.removed} removed, ${comparison.summary.changed} changed.`);
  const named = (p: ListedPhase) => ({ name: p.phase.name, ...(p.phase.code ? { code: p.phase.code } : {}) });
  const state: ComparisonState = { type: 'comparison', before: named(b), after: named(a), ...comparison };
  await tabShown(deps.phasePanels.show(keyOf('comparison', [b.scope, a.scope]), 'phaseComparison.js', {
    title: `Compare: ${b.phase.name} → ${a.phase.name}`,
    state,
    onMessage: message => answerComparison(deps, b, a, comparison.differences, message),
  }));
  return comparison.summary;
}

/** Does what the page asked, when it names a difference the panel shows. */
export async function answerComparison(deps: PhaseCommandDependencies, before: ListedPhase, after: ListedPhase,
  shown: readonly ObjectDifference[], message: unknown): Promise<void> {
  const request = comparisonRequest(message, shown);
  if (!request) {
    deps.log.warn(`The comparison of ${before.phase.name} and ${after.phase.name} posted a message it may not send; it was ignored.`);
    return;
  }
  if (request.type === 'export') {
    await runReporting('Exporting the comparison', () => exportComparison(deps, before, after, request.format), deps.log);
    return;
  }
  await runReporting(`Opening ${request.difference.key}`, () => openDifference(before, after, request.difference), deps.log);
}

/** A changed object in the diff editor (the object in each phase); an added or removed one as its own document. */
export async function openDifference(before: ListedPhase, after: ListedPhase, difference: ObjectDifference): Promise<void> {
  const uriIn = (phase: ListedPhase, id: string) => entityDocumentUri({ kind: 'entity', ...phase.scope, collection: OBJECTS, entityId: id });
  const [was, now] = [difference.before?.id, difference.after?.id];
  if (was !== undefined && now !== undefined) {
    const name = difference.after?.name || difference.before?.name || difference.key;
    await vscode.commands.executeCommand('vscode.diff', uriIn(before, was), uriIn(after, now), `${name} (${before.phase.name} ↔ ${after.phase.name})`);
    return;
  }
  const [phase, id] = now !== undefined ? [after, now] : [before, was];
  if (id !== undefined) await vscode.commands.executeCommand('bimlink.openEntity', phase.scope, OBJECTS, id);
}
