// Show Phase Overview: a phase's collections counted and its objects per storey by IFC class, read once (with a
// cancellable progress notification) and kept until the explorer's Refresh, drawn in a webview panel.
import * as vscode from 'vscode';
import type { PhaseScope } from '../../core/api';
import type { EntitySource } from '../../core/model/commandArguments';
import { computePhaseOverview, OBJECTS, type PhaseOverview } from '../../core/phases/phaseOverview';
import { literalText } from '../../core/text/untrustedText';
import { failsAs } from '../commands/commandError';
import { countProgress } from '../feedback/countProgress';
import { showInformationMessage } from '../feedback/messages';
import { overviewCsv } from './overviewCsv';
import { counted, pickPhaseScope, type PhaseCommandDependencies } from './phaseDependencies';
import { phaseNamed, type ListedPhase } from './phaseChoice';
import { overviewRequest } from './phaseMessages';
import { tabShown } from './phasePanels';
import { runReporting } from '../commands/command';
import { keyOf } from './phaseResults';
import { openSegmentDocument } from './segmentDocument';

/** What the overview's page is given to draw. */
export interface OverviewState {
  readonly type: 'overview';
  readonly phase: { readonly name: string; readonly code?: string };
  readonly overview: PhaseOverview;
}

export async function showPhaseOverview(deps: PhaseCommandDependencies, given: EntitySource | undefined): Promise<PhaseOverview | undefined> {
  const scope = given ? { domainAccountId: given.domainAccountId, projectPhaseId: given.projectPhaseId } : await pickPhaseScope(deps);
  if (!scope) return undefined;
  const client = deps.documents.client();
  const phase = await phaseNamed(deps.tree, scope);
  const { name } = phase.phase;
  const overview = await deps.phaseResults.get(client, 'overview', [scope], () => failsAs(() => vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: literalText(`Reading ${name}`), cancellable: true },
    async (progress, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      const report = countProgress(progress);
      return computePhaseOverview(client, scope, {
        signal: controller.signal,
        onProgress: (read, total) => report(read, total, count => `${count} objects read`),
      });
    }), reason => `Could not build the overview of ${name}: ${reason}`));
  deps.log.info(`Phase overview of ${name}: ${overview.objects.total} objects on ${overview.bars.length} bars.`);
  const state: OverviewState = { type: 'overview', phase: { name, ...(phase.phase.code ? { code: phase.phase.code } : {}) }, overview };
  await tabShown(deps.phasePanels.show(keyOf('overview', [scope]), 'phaseOverview.js', {
    title: `Overview: ${name}`,
    state,
    onMessage: message => answerOverview(deps, scope, phase, overview, message),
  }));
  return overview;
}

/** Does what the page asked, when it names a storey and IFC class the overview shows. */
export async function answerOverview(deps: PhaseCommandDependencies, scope: PhaseScope, phase: ListedPhase, overview: PhaseOverview, message: unknown): Promise<void> {
  const request = overviewRequest(message, overview);
  if (!request) {
    deps.log.warn(`The overview of ${phase.phase.name} posted a message it may not send; it was ignored.`);
    return;
  }
  if (request.type === 'copyCsv') {
    await runReporting('Copying the overview as CSV', async () => {
      await vscode.env.clipboard.writeText(overviewCsv(overview));
      void showInformationMessage(`Copied the objects per storey of ${phase.phase.name} as CSV (${counted(overview.bars.length)} rows).`);
    }, deps.log);
    return;
  }
  const { bar } = request;
  if (request.type === 'openStorey' && bar.inStructure) { // the server lists a storey it holds; other bars are filtered here
    await vscode.commands.executeCommand('bimlink.openEntities', { ...scope, storey: { id: bar.storeyId!, name: bar.name } }, OBJECTS);
    return;
  }
  const [ifcTypes, label] = request.type === 'openSegment'
    ? [request.segment.ifcTypes, request.segment.label]
    : [bar.byIfcType.map(t => t.ifcType), 'Objects'];
  await runReporting(`Listing ${label} on ${bar.name}`, () => failsAs(async () => {
    const limit = await deps.documents.maxLimitFor(OBJECTS);
    return openSegmentDocument({ client: deps.documents.client(), files: deps.files, limit }, scope, bar, ifcTypes, label);
  }, reason => `Listing ${label} on ${bar.name} failed: ${reason}`), deps.log);
}
