import * as vscode from 'vscode';

/** A message for the user. The API client's errors already name the request (never a token) and say what to do. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
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
