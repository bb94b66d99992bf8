import * as vscode from 'vscode';
import type { BimlinkAuthenticationProvider } from '../auth/bimlinkAuthenticationProvider';
import { setClientSecret, signIn, signOut } from './authCommands';
import { explorerCommands, type ExplorerCommandDependencies } from './explorerCommands';

export interface CommandDependencies extends ExplorerCommandDependencies {
  readonly log: vscode.LogOutputChannel;
  readonly auth: BimlinkAuthenticationProvider;
}

/** Registers every command the manifest contributes. */
export function registerCommands(deps: CommandDependencies): vscode.Disposable[] {
  const { log, auth } = deps;
  const notYetAvailable = (what: string) => () =>
    vscode.window.showInformationMessage(`${what} is not available in this version of BIMlink Explorer yet.`);
  const handlers: Record<string, (...args: any[]) => unknown> = {
    'bimlink.signIn': () => signIn(auth, log),
    'bimlink.signOut': () => signOut(auth),
    'bimlink.setClientSecret': () => setClientSecret(auth),
    ...explorerCommands(deps),
    'bimlink.openEntities': notYetAvailable('Opening entities'),
    'bimlink.nextPage': notYetAvailable('Paging through entities'),
    'bimlink.previousPage': notYetAvailable('Paging through entities'),
    'bimlink.exportEntities': notYetAvailable('Exporting entities'),
    'bimlink.showLog': () => log.show(),
  };
  return Object.entries(handlers).map(([id, handler]) => vscode.commands.registerCommand(id, handler));
}
