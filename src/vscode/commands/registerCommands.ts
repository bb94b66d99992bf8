import * as vscode from 'vscode';
import type { BimlinkAuthenticationProvider } from '../auth/bimlinkAuthenticationProvider';
import type { ExplorerTreeDataProvider } from '../tree/explorerTreeDataProvider';
import { setClientSecret, signIn, signOut } from './authCommands';

export interface CommandDependencies {
  readonly log: vscode.LogOutputChannel;
  readonly auth: BimlinkAuthenticationProvider;
  readonly tree: ExplorerTreeDataProvider;
}

/** Something with an id to copy: a tree node, or an entity passed by another command. */
interface HasId { readonly id?: unknown }

/** Registers every command the manifest contributes. */
export function registerCommands({ log, auth, tree }: CommandDependencies): vscode.Disposable[] {
  const notYetAvailable = (what: string) => () =>
    vscode.window.showInformationMessage(`${what} is not available in this version of BIMlink Explorer yet.`);
  const handlers: Record<string, (...args: any[]) => unknown> = {
    'bimlink.signIn': () => signIn(auth, log),
    'bimlink.signOut': () => signOut(auth),
    'bimlink.setClientSecret': () => setClientSecret(auth),
    'bimlink.selectDomainAccount': notYetAvailable('Choosing a domain account'),
    'bimlink.selectProjectPhase': notYetAvailable('Choosing a project phase'),
    'bimlink.refresh': (node?: Parameters<ExplorerTreeDataProvider['refresh']>[0]) => tree.refresh(node),
    'bimlink.openEntities': notYetAvailable('Opening entities'),
    'bimlink.nextPage': notYetAvailable('Paging through entities'),
    'bimlink.previousPage': notYetAvailable('Paging through entities'),
    'bimlink.exportEntities': notYetAvailable('Exporting entities'),
    'bimlink.copyId': (item?: HasId) => copyId(item),
    'bimlink.showLog': () => log.show(),
  };
  return Object.entries(handlers).map(([id, handler]) => vscode.commands.registerCommand(id, handler));
}

async function copyId(item?: HasId): Promise<void> {
  if (typeof item?.id !== 'string') return;
  await vscode.env.clipboard.writeText(item.id);
  vscode.window.setStatusBarMessage(`Copied ${item.id}`, 3000);
}
