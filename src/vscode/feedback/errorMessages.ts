import * as vscode from 'vscode';
import { CancelledError } from '../../core/api';
import { SessionEndedError } from '../../core/auth/sessionEnd';

/**
 * A message for the user. The API client's errors already name the request (never a token) and say what to do;
 * a request refused because the session ended says just that: the sign-in prompt is shown once, by the provider.
 */
export function describeError(error: unknown): string {
  if (causeOfType(error, SessionEndedError)) return 'You were signed out of BIMlink: your session ended.';
  return error instanceof Error ? error.message : String(error);
}

/** The error and the causes it wraps, outermost first. */
function causes(error: unknown): Error[] {
  const chain: Error[] = [];
  for (let current = error; current instanceof Error && chain.length < 10; current = current.cause) chain.push(current);
  return chain;
}

/** The first error of this type in the error's cause chain. */
export function causeOfType<T extends Error>(error: unknown, type: abstract new (...args: never[]) => T): T | undefined {
  return causes(error).find((cause): cause is T => cause instanceof type);
}

/**
 * A cancel by the user, which stays silent, recognized by its type wherever it is in the cause chain: our own progress
 * notifications and sign-in (vscode.CancellationError), an API call aborted by one (CancelledError), a fetch aborted
 * by one (the DOMException AbortError), or VS Code's cancel as it crosses from the workbench, which arrives as a plain
 * Error whose name is its type (VS Code's own isCancellationError checks it the same way).
 */
export function isCancellation(error: unknown): boolean {
  return causes(error).some(cause => cause instanceof vscode.CancellationError || cause instanceof CancelledError
    || (cause instanceof DOMException && cause.name === 'AbortError') || cause.name === 'Canceled');
}
