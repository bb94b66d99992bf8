import * as vscode from 'vscode';
import { SessionEndedError } from '../auth/bimlinkAuthenticationProvider';

/**
 * A message for the user. The API client's errors already name the request (never a token) and say what to do;
 * a request refused because the session ended says just that: the sign-in prompt is shown once, by the provider.
 */
export function describeError(error: unknown): string {
  if (causes(error).some(cause => cause instanceof SessionEndedError)) return 'You were signed out of BIMlink: your session ended.';
  return error instanceof Error ? error.message : String(error);
}

function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let current = error; current instanceof Error && chain.length < 10; current = current.cause) chain.push(current);
  return chain;
}

/**
 * A cancel by the user, which stays silent: our own progress notifications (CancellationError, or an API call
 * aborted by one), VS Code's cancel as it crosses from the workbench ("Canceled"), or its sign-in consent dialog.
 */
export function isCancellation(error: unknown): boolean {
  if (error instanceof vscode.CancellationError) return true;
  const { name, message, kind } = (error ?? {}) as { name?: string; message?: string; kind?: string };
  return kind === 'cancelled' || name === 'Canceled' || message === 'Canceled' || message === 'User did not consent to login.';
}
