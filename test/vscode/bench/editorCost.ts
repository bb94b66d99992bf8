// Runs in the real extension host for `npm run bench` (test/bench/editorCost): how long the extension takes to
// activate, measured as VS Code's Running Extensions view does — loading the module plus the `activate` call — and
// the whole wait a caller of `extension.activate()` sees. Writes the numbers to BIMLINK_BENCH_OUT.
import { writeFileSync } from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import * as vscode from 'vscode';
import { machineQuiet } from '../helpers/quietMachine';

export interface EditorCostResult {
  /** Loading and evaluating the bundle, as the extension host does on the first activation event. */
  moduleLoadMs: number;
  /** The extension's `activate` function, until the promise it returns (if any) settles. */
  activateCallMs: number;
  /** From asking VS Code to activate to activation done, VS Code's own bookkeeping included. */
  activationWaitMs: number;
  /** The machine's idle share of CPU time just before activation. */
  idle: number;
}

const extensionId = 'bimlink-explorer.bimlink-explorer';

type Loader = (module: NodeJS.Module & { exports: Record<string, unknown> }, filename: string) => void;
const loaders = (Module as unknown as { _extensions: Record<string, Loader> })._extensions;

/** Times the next load of `main` and its `activate` call, by wrapping Node's loader for .js files once. */
function timeActivation(main: string): { moduleLoadMs?: number; activateCallMs?: number } {
  const times: { moduleLoadMs?: number; activateCallMs?: number } = {};
  const loadJs = loaders['.js']!;
  loaders['.js'] = function (module, filename) {
    if (filename !== main) return loadJs.call(this, module, filename);
    loaders['.js'] = loadJs;
    const loading = performance.now();
    loadJs.call(this, module, filename);
    times.moduleLoadMs = performance.now() - loading;
    const exports = module.exports;
    const activate = exports.activate as (...args: unknown[]) => unknown;
    module.exports = {
      ...exports,
      activate(...args: unknown[]) {
        const calling = performance.now();
        const settled = () => { times.activateCallMs = performance.now() - calling; };
        const result = activate.apply(this, args);
        if (result instanceof Promise) return result.finally(settled);
        settled();
        return result;
      },
    };
  };
  return times;
}

export async function run(): Promise<void> {
  const extension = vscode.extensions.getExtension(extensionId);
  if (!extension) throw new Error(`${extensionId} is not loaded`);
  if (extension.isActive) throw new Error('the extension was active before the bench asked: its activation cannot be measured');
  const idle = await machineQuiet();
  const times = timeActivation(path.join(extension.extensionPath, 'dist', 'extension.js'));
  const asking = performance.now();
  await extension.activate();
  const activationWaitMs = performance.now() - asking;
  const { moduleLoadMs, activateCallMs } = times;
  if (moduleLoadMs === undefined || activateCallMs === undefined) throw new Error('the extension host did not load the bundle through Node\'s .js loader: nothing was timed');
  const result: EditorCostResult = { idle, moduleLoadMs, activateCallMs, activationWaitMs };
  writeFileSync(process.env.BIMLINK_BENCH_OUT!, JSON.stringify(result));
}
