// editor-cost: what the extension costs VS Code. The bundle's size (production build); the activation time in the
// real extension host (module load + the activate call), the median of several fresh windows; and the extension
// host's memory after a user has browsed 1,000 explorer rows in the real workbench.
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmulator } from '../../emulator/index';
import type { EditorCostResult } from '../../vscode/bench/editorCost';
import type { TreeMemoryResult } from '../../vscode/bench/treeMemory';
import { median, type Benchmark } from '../benchmark';
import { inExtensionHost } from '../extensionHost';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const WINDOWS = 5;

export const editorCost: Benchmark = {
  name: 'editor-cost',
  description: 'bundle size, activation time, and memory after browsing 1,000 explorer rows, in the real extension host',
  async run(context) {
    execFileSync(process.execPath, [path.join(root, 'esbuild.js'), '--production'], { cwd: root, stdio: 'ignore' });
    const bundleKb = statSync(path.join(root, 'dist', 'extension.js')).size / 1024;
    const emulator = await startEmulator({ autoLogin: 'anna@demo-bimlink.nl' });
    const windows: EditorCostResult[] = [];
    let tree: TreeMemoryResult;
    try {
      for (let window = 0; window < WINDOWS; window++) {
        windows.push(await inExtensionHost<EditorCostResult>('editorCost', { BIMLINK_EMULATOR_URL: emulator.url }));
      }
      tree = await inExtensionHost<TreeMemoryResult>('treeMemory', { BIMLINK_EMULATOR_URL: emulator.url });
    } finally {
      await emulator.close();
    }
    const list = (pick: (window: EditorCostResult) => number) => windows.map(w => pick(w).toFixed(1)).join(', ');
    context.note(`in ${WINDOWS} fresh windows — module load: ${list(w => w.moduleLoadMs)} ms; activate call: ${list(w => w.activateCallMs)} ms; wait for extension.activate(): ${list(w => w.activationWaitMs)} ms; CPU idle before: ${list(w => w.idle)}`);
    context.report('bundle', bundleKb, 'KB');
    context.report('activation', median(windows.map(w => w.moduleLoadMs + w.activateCallMs)), 'ms');
    context.report('activation-module-load', median(windows.map(w => w.moduleLoadMs)), 'ms');
    context.report('activation-wait', median(windows.map(w => w.activationWaitMs)), 'ms');

    const mb = (value: number) => `${value.toFixed(1)} MB`;
    context.note(`extension host after a full GC — signed in, explorer collapsed: heap ${mb(tree.before.heapMb)}, RSS ${mb(tree.before.rssMb)}; ${
      tree.walks.map(w => `after ${w.browsed} rows: heap ${mb(w.heapMb)}, RSS ${mb(w.rssMb)}`).join('; ')}`);
    const last = tree.walks.at(-1)!;
    context.report('tree-browsed-rows', last.browsed, 'rows');
    context.report('tree-extension-host-heap', last.heapMb, 'MB');
    context.report('tree-extension-host-heap-growth', last.heapMb - tree.before.heapMb, 'MB');
    context.report('tree-extension-host-rss', last.rssMb, 'MB');
  },
};
