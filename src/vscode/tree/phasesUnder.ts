// The project phases below a domain account's locations, in the explorer's order (locations and projects by name,
// each project's phases in their order), loading each level as the explorer does: what the phase pickers offer.
import type { ExplorerNode } from './explorerNode';
import { LocationNode, ProjectNode } from './locationNode';
import { PhaseNode } from './phaseNode';

export interface PhaseUnder {
  readonly location: LocationNode;
  readonly project: ProjectNode;
  readonly phase: PhaseNode;
}

/** `locations`: a domain account's children (status rows among them are skipped). */
export async function phasesUnder(locations: readonly ExplorerNode[]): Promise<PhaseUnder[]> {
  const found: PhaseUnder[] = [];
  for (const location of locations.filter((n): n is LocationNode => n instanceof LocationNode)) {
    for (const project of (await location.children()).filter((n): n is ProjectNode => n instanceof ProjectNode)) {
      for (const phase of (await project.children()).filter((n): n is PhaseNode => n instanceof PhaseNode)) found.push({ location, project, phase });
    }
  }
  return found;
}
