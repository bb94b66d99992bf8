// The handler VS Code was given for a command id (the fake's registerCommand records each registration).
import { commands } from '../../fakes/vscode';

export function registeredHandler(id: string): (...args: unknown[]) => Promise<unknown> {
  const calls = commands.registerCommand.mock.calls as unknown[][];
  const call = [...calls].reverse().find(([registered]) => registered === id);
  if (!call) throw new Error(`${id} was not registered`);
  return call[1] as (...args: unknown[]) => Promise<unknown>;
}

/** Lets the message's button handler and what it started run. */
export function settle(): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, 0));
}
