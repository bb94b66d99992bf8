import * as vscode from 'vscode';
import { BimlinkClient, type Fetch } from '../../core/api';
import { renderReport } from '../../core/check/checkReport';
import { checkServer } from '../../core/check/serverCheck';
import { SettingError } from '../../core/config/servers';
import type { Settings } from '../settings/settings';
import type { Connection } from '../connection/connection';
import { literalText } from '../../core/text/untrustedText';
import type { ExplorerTreeDataProvider } from '../tree/explorerTreeDataProvider';
import { defineCommand, type Command } from './command';

export interface CheckServerDependencies {
  readonly connection: Connection;
  readonly tree: ExplorerTreeDataProvider;
  readonly fetch: Fetch;
  readonly log: vscode.LogOutputChannel;
  readonly settings: Settings;
}

/**
 * BIMlink: Check Server — probes the configured servers as the signed-in user (signed out: only what needs no sign-in)
 * with a cancellable progress notification, and opens the report beside the editor as a Markdown document.
 */
export function checkServerCommand(deps: CheckServerDependencies): Command {
  return defineCommand({ id: 'bimlink.checkServer', parameters: [], run: () => runServerCheck(deps) });
}

async function runServerCheck({ connection, tree, fetch, log, settings }: CheckServerDependencies): Promise<vscode.TextDocument> {
  const { servers } = settings.values;
  if (servers instanceof SettingError) throw servers;
  const state = connection.state;
  const signedIn = state.kind === 'signedIn' ? state : undefined;
  const anonymous = (baseUrl: string) => new BimlinkClient({ baseUrl, fetch, retry: { maxRetries: 0 } });
  const steps = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Checking the BIMlink server', cancellable: true },
    (progress, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      return checkServer({
        api: signedIn?.client,
        anonymousApi: anonymous(servers.apiUrl),
        anonymousAuthority: anonymous(servers.authority),
        authority: servers.authority,
        tokenClaims: signedIn && (() => connection.accessTokenClaims()),
        preferredDomainAccountId: tree.selectedDomainAccountId(),
        signal: controller.signal,
      }, step => progress.report({ message: literalText(`${step.title}: ${step.verdict}`) })); // titles name collections the server listed
    });
  const failedSteps = steps.filter(s => s.verdict === 'failed').length;
  log.info(`Check Server: ${steps.length} steps, ${failedSteps} failed.`);
  const content = renderReport({ apiUrl: servers.apiUrl, authority: servers.authority, account: signedIn?.account.label, when: new Date() }, steps);
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content });
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}
