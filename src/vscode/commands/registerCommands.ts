import type * as vscode from 'vscode';
import type { BimlinkAuthenticationProvider } from '../auth/bimlinkAuthenticationProvider';
import { authCommands } from './authCommands';
import { checkServerCommand, type CheckServerDependencies } from './checkServer';
import { defineCommand, registerCommand } from './command';
import { entityCommands, type EntityCommandDependencies } from './entityCommands';
import { explorerCommands, type ExplorerCommandDependencies } from './explorerCommands';
import { referenceCommands, type ReferenceCommandDependencies } from '../references/referenceCommands';
import { forgettingOnRefresh, phaseCommands } from '../phases/phaseCommands';
import type { PhaseCommandDependencies } from '../phases/phaseDependencies';

export interface CommandDependencies extends ExplorerCommandDependencies, EntityCommandDependencies, CheckServerDependencies, ReferenceCommandDependencies,
  PhaseCommandDependencies {
  readonly auth: BimlinkAuthenticationProvider;
}

/** Registers the manifest's commands, each through the one command wrapper (Sign Out of Other Servers registers with its context key). */
export function registerCommands(deps: CommandDependencies): vscode.Disposable[] {
  const { log, auth, settings } = deps;
  return [
    ...authCommands(auth, settings),
    ...forgettingOnRefresh(explorerCommands(deps), () => deps.phaseResults),
    ...entityCommands(deps),
    ...phaseCommands(deps),
    ...referenceCommands(deps),
    checkServerCommand(deps),
    defineCommand({ id: 'bimlink.showLog', parameters: [], run: () => log.show() }),
  ].map(command => registerCommand(command, log));
}
