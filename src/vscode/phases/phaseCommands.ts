// The phase commands (issue: "See a phase at a glance, compare two phases"), and the explorer's Refresh taught to
// forget what they computed.
import { defineCommand, type Command } from '../commands/command';
import { entitySource, explorerNode } from '../commands/commandParameters';
import type { ExplorerNode } from '../tree/explorerNode';
import { PhaseNode } from '../tree/phaseNode';
import { SpatialElementNode } from '../tree/spatialElementNode';
import type { PhaseCommandDependencies } from './phaseDependencies';
import type { PhaseResults } from './phaseResults';
import { showComparison } from './showComparison';
import { showPhaseOverview } from './showPhaseOverview';

/**
 * - `bimlink.showPhaseOverview(source?)`: a phase row or `{ domainAccountId, projectPhaseId }` (else picked); resolves
 *   with the PhaseOverview shown.
 * - `bimlink.comparePhases(before?, after?)`: two of those; with one (or none, then picked) it is the later phase and
 *   the earlier one is asked for. Resolves with the ComparisonSummary.
 */
export function phaseCommands(deps: PhaseCommandDependencies): Command[] {
  return [
    defineCommand({ id: 'bimlink.showPhaseOverview', parameters: [entitySource], retry: true, run: source => showPhaseOverview(deps, source) }),
    defineCommand({ id: 'bimlink.comparePhases', parameters: [entitySource, entitySource], retry: true, run: (before, after) => showComparison(deps, before, after) }),
  ];
}

/** The explorer's commands, with Refresh (everything) and a row's Refresh (its phase) also forgetting the phase results. */
export function forgettingOnRefresh(commands: Command[], results: () => Pick<PhaseResults, 'forget'> | undefined): Command[] {
  return commands.map(command => {
    if (command.id !== 'bimlink.refresh' && command.id !== 'bimlink.refreshNode') return command;
    return {
      ...command,
      bind: args => {
        const run = command.bind(args);
        return () => {
          results()?.forget(command.id === 'bimlink.refreshNode' ? phaseOf(explorerNode(args[0])) : undefined);
          return run();
        };
      },
    };
  });
}

function phaseOf(node: ExplorerNode | undefined): { domainAccountId: string; projectPhaseId: string } | undefined {
  if (node instanceof PhaseNode) return { domainAccountId: node.domainAccountId, projectPhaseId: node.phase.id };
  if (node instanceof SpatialElementNode) return { domainAccountId: node.domainAccountId, projectPhaseId: node.projectPhaseId };
  return undefined;
}
