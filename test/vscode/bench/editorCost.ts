// Runs in the real extension host for `npm run bench` (test/bench/editor-cost): how long the extension takes to
// activate — loading its module and running activate, as VS Code does on its first activation event. Writes the
// number to BIMLINK_BENCH_OUT.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';

export interface EditorCostResult {
  /** From asking VS Code to activate to activation done: what a user waits for. */
  activationMs: number;
  /** Loading and evaluating the bundle alone (timed again on a fresh copy of the module after activation). */
  moduleLoadMs: number;
}

const extensionId = 'bimlink-explorer.bimlink-explorer';

export async function run(): Promise<void> {
  const extension = vscode.extensions.getExtension(extensionId);
  if (!extension) throw new Error(`${extensionId} is not loaded`);
  if (extension.isActive) throw new Error('the extension was active before the bench asked: its activation cannot be measured');
  const started = performance.now();
  await extension.activate();
  const activationMs = performance.now() - started;
  const main = require.resolve(path.join(extension.extensionPath, 'dist', 'extension.js'));
  delete require.cache[main];
  const loading = performance.now();
  require(main);
  const result: EditorCostResult = { activationMs, moduleLoadMs: performance.now() - loading };
  writeFileSync(process.env.BIMLINK_BENCH_OUT!, JSON.stringify(result));
}
