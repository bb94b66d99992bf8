import * as vscode from 'vscode';
import { literalText } from '../../core/text/untrustedText';

/**
 * VS Code's notifications, with the message shown as the text it is. Messages carry text from outside — storey and
 * collection names, a server's error details, OAuth error descriptions — and a notification turns
 * `[label](command:…)` into a link that runs the command on one click. Every notification of the extension goes
 * through here (a unit test checks that no other file calls VS Code's directly). Buttons are the extension's own.
 */
export function showInformationMessage<T extends string>(message: string, ...items: T[]): Thenable<T | undefined>;
export function showInformationMessage<T extends string>(message: string, options: vscode.MessageOptions, ...items: T[]): Thenable<T | undefined>;
export function showInformationMessage(message: string, ...rest: unknown[]): Thenable<string | undefined> {
  return vscode.window.showInformationMessage(literalText(message), ...(rest as string[]));
}

export function showWarningMessage<T extends string>(message: string, ...items: T[]): Thenable<T | undefined>;
export function showWarningMessage<T extends string>(message: string, options: vscode.MessageOptions, ...items: T[]): Thenable<T | undefined>;
export function showWarningMessage(message: string, ...rest: unknown[]): Thenable<string | undefined> {
  return vscode.window.showWarningMessage(literalText(message), ...(rest as string[]));
}

export function showErrorMessage<T extends string>(message: string, ...items: T[]): Thenable<T | undefined>;
export function showErrorMessage<T extends string>(message: string, options: vscode.MessageOptions, ...items: T[]): Thenable<T | undefined>;
export function showErrorMessage(message: string, ...rest: unknown[]): Thenable<string | undefined> {
  return vscode.window.showErrorMessage(literalText(message), ...(rest as string[]));
}
