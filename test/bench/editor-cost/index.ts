// editor-cost: what the extension costs VS Code. The bundle's size (production build), and the activation time in
// the real extension host (module load + activate), the median of several fresh windows.
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmulator } from '../../emulator/index';
import type { EditorCostResult } from '../../vscode/bench/editorCost';
import { median, type Benchmark } from '../benchmark';
import { inExtensionHost } from '../extension-host';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const WINDOWS = 5;

export const editorCost: Benchmark = {
  name: 'editor-cost',
  description: 'bundle size, and activation time in the real extension host',
  async run(context) {
    execFileSync(process.execPath, [path.join(root, 'esbuild.js'), '--production'], { cwd: root, stdio: 'ignore' });
    const bundleKb = statSync(path.join(root, 'dist', 'extension.js')).size / 1024;
    const emulator = await startEmulator();
    const activations: number[] = [];
    const moduleLoads: number[] = [];
    try {
      for (let window = 0; window < WINDOWS; window++) {
        const { activationMs, moduleLoadMs } = await inExtensionHost<EditorCostResult>('editorCost', { BIMLINK_EMULATOR_URL: emulator.url });
        activations.push(activationMs);
        moduleLoads.push(moduleLoadMs);
      }
    } finally {
      await emulator.close();
    }
    context.note(`activation in ${WINDOWS} fresh windows: ${activations.map(ms => ms.toFixed(1)).join(', ')} ms; module load alone: ${moduleLoads.map(ms => ms.toFixed(1)).join(', ')} ms`);
    context.report('bundle', bundleKb, 'KB');
    context.report('activation', median(activations), 'ms');
    context.report('activation-module-load', median(moduleLoads), 'ms');
  },
};
