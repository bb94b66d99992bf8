import * as vscode from 'vscode';
import { describeError, isCancellation } from '../feedback/errorMessages';
import { showErrorMessage } from '../feedback/messages';
import { CommandError } from './commandError';
import type { CommandId } from './commandIds';
import { remediesFor } from './failureRemedies';

/** Reads one argument as exactly the shape a command takes, else undefined (the command then asks, as from the palette). */
export type Parser<T> = (value: unknown) => T | undefined;

/** A command: its id, one parser per argument, and the handler, which receives the parsed arguments. */
export interface CommandDefinition<P extends unknown[]> {
  readonly id: CommandId;
  readonly parameters: { readonly [K in keyof P]: Parser<P[K]> };
  readonly run: (...args: { [K in keyof P]: P[K] | undefined }) => unknown;
  /** The failure may pass (the network, the server): offer Retry, which runs the command again with the same arguments. */
  readonly retry?: boolean;
}

/** A command ready to register; the argument types end here, with the parsers that check them. */
export interface Command {
  readonly id: CommandId;
  /** The handler, bound to a caller's arguments once they are parsed. */
  bind(args: readonly unknown[]): () => unknown;
  readonly retry: boolean;
}

export function defineCommand<P extends unknown[]>(definition: CommandDefinition<P>): Command {
  const { id, parameters, run, retry = false } = definition;
  return {
    id, retry,
    bind: args => {
      const parsed = parameters.map((parse, i) => parse(args[i])) as { [K in keyof P]: P[K] | undefined };
      return () => run(...parsed);
    },
  };
}

/**
 * Registers a command through the one wrapper every command goes through: a failure is logged with the command id and
 * shown once (with the remedies of failureRemedies), a cancel stays silent, and the caller gets undefined instead of a rejection.
 */
export function registerCommand(command: Command, log: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.commands.registerCommand(command.id, (...args: unknown[]) => {
    const run = command.bind(args);
    return runReporting(command.id, run, log, command.retry ? run : undefined);
  });
}

/**
 * Runs a command's work (`what` is its id), a remedy a failure offered, or work a command started that outlives it (a
 * panel's button); never rejects. `rerun` is what Retry does when the failure names nothing narrower.
 */
export async function runReporting(what: string, work: () => unknown, log: vscode.LogOutputChannel, rerun?: () => unknown): Promise<unknown> {
  try {
    return await work();
  } catch (error) {
    reportFailure(what, error, log, rerun);
    return undefined;
  }
}

/** A cancel is only logged; any other failure is logged with what failed (a command's id) and shown once, with its remedies and Show Log. */
function reportFailure(what: string, error: unknown, log: vscode.LogOutputChannel, rerun: (() => unknown) | undefined): void {
  if (isCancellation(error)) {
    log.info(`${what} was cancelled.`);
    return;
  }
  const message = error instanceof CommandError ? error.message : describeError(error);
  log.error(`${what} failed: ${message}`);
  const remedies = remediesFor(error, rerun);
  // not awaited: the command resolves now, the message waits for the user
  void showErrorMessage(message, ...remedies.map(remedy => remedy.label), 'Show Log').then(choice => {
    if (choice === 'Show Log') log.show();
    const chosen = remedies.find(remedy => remedy.label === choice);
    if (chosen) void runReporting(what, chosen.run, log, rerun);
  });
}
