import * as vscode from 'vscode';
import { sameId } from '../../core/api/ids';
import type { Connection } from '../connection/connection';
import type { ExplorerTreeDataProvider } from '../tree/explorerTreeDataProvider';
import { LocationNode } from '../tree/locationNode';
import type { PhaseNode } from '../tree/phaseNode';
import { phasesUnder } from '../tree/phasesUnder';
import { failsAs } from './commandError';
import { pickDomainAccount } from './pickDomainAccount';

type PhasePick = vscode.QuickPickItem & { phase: PhaseNode };

/** Picks a project phase of the selected domain account (choosing the domain account first when none is). */
export async function pickProjectPhase(tree: ExplorerTreeDataProvider, connection: Connection): Promise<PhaseNode | undefined> {
  const selected = async () => {
    const nodes = await tree.domainAccountNodes().catch(() => []); // none yet: the user picks one below
    return nodes.find(node => sameId(node.domainAccount.id, tree.selectedDomainAccountId())) ?? (nodes.length === 1 ? nodes[0] : undefined);
  };
  // Choosing the domain account here must not move the focus to the tree: that would close the next picker.
  const domainAccount = await selected() ?? (await pickDomainAccount(tree, connection) && await selected());
  if (!domainAccount) return undefined;
  const picks = (async (): Promise<PhasePick[]> => {
    const locations = await tree.getChildren(domainAccount);
    if (!locations.some(node => node instanceof LocationNode)) throw new Error(String(locations[0]?.treeItem().label ?? 'no locations'));
    return (await phasesUnder(locations)).map(({ location, project, phase }) =>
      ({ label: phase.phase.name, description: phase.phase.code, detail: `${location.location.name} › ${project.project.name}`, phase }));
  })();
  picks.catch(() => undefined); // the picker reports it
  const chosen = await failsAs(() => vscode.window.showQuickPick(picks, {
    title: `Project phases in ${domainAccount.domainAccount.name}`,
    placeHolder: 'Choose a project phase',
    matchOnDescription: true,
    matchOnDetail: true,
  }), reason => `The project phases could not be loaded: ${reason}`);
  return chosen?.phase;
}
