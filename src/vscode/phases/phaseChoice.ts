// The phases the explorer lists for a domain account, in its order (locations and projects by name, each project's
// phases in their order): the names the panels show, and the phases a comparison offers.
import * as vscode from 'vscode';
import type { PhaseScope, ProjectPhase } from '../../core/api';
import { sameId } from '../../core/api/ids';
import { failsAs } from '../commands/commandError';
import { showInformationMessage } from '../feedback/messages';
import type { ExplorerTreeDataProvider } from '../tree/explorerTreeDataProvider';
import { phasesUnder } from '../tree/phasesUnder';

export interface ListedPhase {
  readonly scope: PhaseScope;
  readonly phase: Pick<ProjectPhase, 'id' | 'name' | 'code'>;
  readonly projectId?: string;
  /** "Location › Project". */
  readonly where?: string;
}

/** Every phase of a domain account as the tree lists it; none when the tree does not list the domain account. */
export async function listedPhases(tree: Pick<ExplorerTreeDataProvider, 'domainAccountNodes' | 'getChildren'>, domainAccountId: string): Promise<ListedPhase[]> {
  const account = (await tree.domainAccountNodes()).find(node => sameId(node.domainAccount.id, domainAccountId));
  if (!account) return [];
  return (await phasesUnder(await tree.getChildren(account))).map(({ location, project, phase: node }) => ({
    scope: { domainAccountId: node.domainAccountId, projectPhaseId: node.phase.id }, phase: node.phase,
    projectId: project.project.id, where: `${location.location.name} › ${project.project.name}`,
  }));
}

/** A phase as the tree lists it, else one named by its id (a script may name a phase the tree does not show). */
export async function phaseNamed(tree: Pick<ExplorerTreeDataProvider, 'domainAccountNodes' | 'getChildren'>, scope: PhaseScope): Promise<ListedPhase> {
  const listed = await listedPhases(tree, scope.domainAccountId).catch(() => []);
  const found = listed.find(p => sameId(p.phase.id, scope.projectPhaseId));
  return found ? { ...found, scope } : { scope, phase: { id: scope.projectPhaseId, name: scope.projectPhaseId } }; // the ids as given
}

/** The phase listed right before `later` in the same project: what a comparison starts from by default. */
export function previousPhase(listed: readonly ListedPhase[], later: PhaseScope): ListedPhase | undefined {
  const at = listed.findIndex(p => sameId(p.phase.id, later.projectPhaseId) && sameId(p.scope.domainAccountId, later.domainAccountId));
  const before = at > 0 ? listed[at - 1] : undefined;
  return before && before.projectId !== undefined && before.projectId === listed[at]!.projectId ? before : undefined;
}

type PhasePick = vscode.QuickPickItem & { listed: ListedPhase };

/** Asks which phase to compare `later` with: the other phases of its domain account, its project's previous one active. */
export async function pickEarlierPhase(tree: Pick<ExplorerTreeDataProvider, 'domainAccountNodes' | 'getChildren'>, later: ListedPhase): Promise<ListedPhase | undefined> {
  const listed = await failsAs(() => listedPhases(tree, later.scope.domainAccountId), reason => `The project phases could not be loaded: ${reason}`);
  const picks: PhasePick[] = listed.filter(p => !sameId(p.phase.id, later.phase.id))
    .map(p => ({ label: p.phase.name, ...(p.phase.code ? { description: p.phase.code } : {}), ...(p.where ? { detail: p.where } : {}), listed: p }));
  if (!picks.length) { // an empty picker would only leave the user wondering why
    const account = (await tree.domainAccountNodes().catch(() => [])).find(node => sameId(node.domainAccount.id, later.scope.domainAccountId));
    void showInformationMessage(account && listed.length
      ? `${later.phase.name} is the only project phase of ${account.domainAccount.name}; there is nothing to compare it with.`
      : `The explorer lists no other project phase of the domain account of ${later.phase.name}; there is nothing to compare it with.`);
    return undefined;
  }
  const previous = previousPhase(listed, later.scope);
  const quickPick = vscode.window.createQuickPick<PhasePick>();
  quickPick.title = `Compare ${later.phase.name} with…`;
  quickPick.placeholder = 'Choose the earlier project phase';
  quickPick.matchOnDescription = true;
  quickPick.matchOnDetail = true;
  quickPick.items = picks;
  const active = previous && picks.find(p => p.listed === previous);
  if (active) quickPick.activeItems = [active];
  return new Promise(resolve => {
    let chosen: ListedPhase | undefined;
    quickPick.onDidAccept(() => {
      chosen = quickPick.selectedItems[0]?.listed ?? quickPick.activeItems[0]?.listed;
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      quickPick.dispose();
      resolve(chosen);
    });
    quickPick.show();
  });
}
