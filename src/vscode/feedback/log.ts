import * as vscode from 'vscode';

/** The "BIMlink" output channel (a log channel: levels, timestamps, and the user's chosen log level). */
export function createLog(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel('BIMlink', { log: true });
}
