import * as vscode from 'vscode';
import type { BimlinkAuthenticationProvider } from '../auth/bimlinkAuthenticationProvider';
import { setClientSecret, signIn, signOut } from './authCommands';
import { runServerCheck, type CheckServerDependencies } from './checkServer';
import { entityCommands, type EntityCommandDependencies } from './entityCommands';
import { explorerCommands, type ExplorerCommandDependencies } from './explorerCommands';

export interface CommandDependencies extends ExplorerCommandDependencies, EntityCommandDependencies, CheckServerDependencies {
  readonly auth: BimlinkAuthenticationProvider;
}

/** Registers every command the manifest contributes. */
export function registerCommands(deps: CommandDependencies): vscode.Disposable[] {
  const { log, auth } = deps;
  const handlers: Record<string, (...args: unknown[]) => unknown> = {
    'bimlink.signIn': () => signIn(auth, deps.settings, log),
    'bimlink.signOut': () => signOut(auth),
    'bimlink.setClientSecret': () => setClientSecret(auth),
    ...explorerCommands(deps),
    ...entityCommands(deps),
    'bimlink.checkServer': () => runServerCheck(deps),
    'bimlink.showLog': () => log.show(),
  };
  return Object.entries(handlers).map(([id, handler]) => vscode.commands.registerCommand(id, handler));
}
