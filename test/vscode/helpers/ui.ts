// Asks the test runner to act in the real browser (see ../harness/uiDriver.ts). Available where the suites run in
// code-server; elsewhere the tests that need it are skipped with a reason.
export const uiDriverUrl = process.env.BIMLINK_TEST_UI_DRIVER;

export async function ui<T = Record<string, unknown>>(action: string, body: Record<string, unknown> = {}): Promise<T> {
  if (!uiDriverUrl) throw new Error('No UI driver: these tests need the code-server runner.');
  const response = await fetch(`${uiDriverUrl}/${action}`, { method: 'POST', body: JSON.stringify(body) });
  const result = await response.json() as T & { error?: string };
  if (!response.ok) throw new Error(`UI action "${action}" failed: ${result.error}`);
  return result;
}

/**
 * Clears the notifications, and waits until the clearing is over: it closes notifications a moment late, and a
 * cancellable progress notification that a test starts meanwhile would be closed — cancelled — with them.
 */
export async function clearNotifications(): Promise<void> {
  const vscode = await import('vscode');
  await vscode.commands.executeCommand('notifications.clearAll');
  await new Promise(resolve => setTimeout(resolve, 500));
}
