import type * as vscode from 'vscode';
import type { PhaseScope } from '../../core/api';
import type { Connection } from '../connection/connection';
import type { EntityDocuments } from '../documents/entityDocuments';
import type { EntityFileSystem } from '../documents/entityFileSystem';
import type { ExplorerTreeDataProvider } from '../tree/explorerTreeDataProvider';
import { pickProjectPhase } from '../commands/pickProjectPhase';
import type { PhasePanels } from './phasePanels';
import type { PhaseResults } from './phaseResults';

/** What the phase overview and comparison commands work with. */
export interface PhaseCommandDependencies {
  readonly connection: Connection;
  readonly documents: EntityDocuments;
  readonly files: EntityFileSystem;
  readonly tree: ExplorerTreeDataProvider;
  readonly log: vscode.LogOutputChannel;
  /** What was computed, per client and phase, until the explorer's Refresh. */
  readonly phaseResults: PhaseResults;
  readonly phasePanels: PhasePanels;
}

/** A phase the user picks, when the command was given none. */
export async function pickPhaseScope({ tree, connection }: Pick<PhaseCommandDependencies, 'tree' | 'connection'>): Promise<PhaseScope | undefined> {
  const phase = await pickProjectPhase(tree, connection);
  return phase && { domainAccountId: phase.domainAccountId, projectPhaseId: phase.phase.id };
}

/** A count as the panels and messages write it: 12,345. */
export const counted = (n: number): string => n.toLocaleString('en');
