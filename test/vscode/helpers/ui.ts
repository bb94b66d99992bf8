// Asks the test runner to act in the real browser (see ../harness/uiDriver.ts). Available where the suites run in
// code-server; elsewhere the tests that need it are skipped with a reason.
import { waitFor } from './wait';
export const uiDriverUrl = process.env.BIMLINK_TEST_UI_DRIVER;

export async function ui<T = Record<string, unknown>>(action: string, body: Record<string, unknown> = {}): Promise<T> {
  if (!uiDriverUrl) throw new Error('No UI driver: these tests need the code-server runner.');
  const response = await fetch(`${uiDriverUrl}/${action}`, { method: 'POST', body: JSON.stringify(body) });
  const result = await response.json() as T & { error?: string };
  if (!response.ok) throw new Error(`UI action "${action}" failed: ${result.error}`);
  return result;
}

/**
 * Clears the notifications, and waits until no toast is shown: the workbench closes them a moment late, and a
 * cancellable progress notification that a test starts meanwhile would be closed — cancelled — with them. A toast
 * that a finishing command shows after the first clearing is cleared too.
 */
export async function clearNotifications(): Promise<void> {
  const vscode = await import('vscode');
  await waitFor('the notifications to be cleared', async () => {
    await vscode.commands.executeCommand('notifications.clearAll');
    return (await ui<{ messages: string[] }>('notifications')).messages.length ? undefined : true;
  });
}
