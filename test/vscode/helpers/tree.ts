import { anna, resetEmulator } from './emulator';
import { useEmulator } from './settings';
import { accountLabels, signInAs } from './signIn';
import { clearNotifications, ui } from './ui';
import { waitFor } from './wait';

export interface Row { label: string; description: string; level: number; expanded?: boolean; selected: boolean }

export const rows = async (): Promise<Row[]> => (await ui<{ rows: Row[] }>('tree-rows')).rows;
export const row = async (label: string): Promise<Row | undefined> => (await rows()).find(r => r.label === label);
export const waitForRow = (label: string): Promise<Row[]> => ui<{ rows: Row[] }>('tree-wait-for', { label }).then(r => r.rows);

/** Expands the explorer along a path of labels, clicking only rows that are not open yet. */
export async function expand(...labels: string[]): Promise<Row[]> {
  let shown: Row[] = [];
  for (const label of labels) {
    shown = await waitForRow(label);
    if (shown.find(r => r.label === label)?.expanded === false) {
      await ui('tree-click', { label });
      await waitForExpanded(label);
    }
  }
  return rows();
}

/**
 * Waits until `label` is open and its children are shown: a row shows as expanded before its children arrive, and
 * the explorer gives every open level at least one row (a message when it is empty or failed).
 */
async function waitForExpanded(label: string): Promise<void> {
  await waitFor(`"${label}" to expand and show its children`, async () => {
    const shown = await rows();
    const at = shown.findIndex(r => r.label === label);
    return at >= 0 && shown[at]!.expanded !== false && (shown[at + 1]?.level ?? 0) > shown[at]!.level ? true : undefined;
  });
}

/** A calm starting point for a suite: no editors or notifications, the explorer shown with everything collapsed. */
export async function freshExplorer(): Promise<void> {
  const vscode = await import('vscode');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await clearNotifications();
  await vscode.commands.executeCommand('bimlink.explorer.focus');
  await vscode.commands.executeCommand('workbench.actions.treeView.bimlink.explorer.collapseAll');
  await vscode.commands.executeCommand('bimlink.refresh');
}

/** The usual start of an explorer suite: emulator settings and state reset, Anna signed in, a fresh explorer. */
export async function startAsAnna(): Promise<void> {
  await useEmulator({ pageSize: 100 });
  await resetEmulator();
  if (!(await accountLabels()).includes(anna.email)) await signInAs(anna);
  await freshExplorer();
}
