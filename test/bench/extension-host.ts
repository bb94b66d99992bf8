// Runs one extension-host bench entry (test/vscode/bench/<entry>.ts) in a fresh code-server window with the
// extension under development, and returns what it wrote to BIMLINK_BENCH_OUT.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = fileURLToPath(new URL('../..', import.meta.url));

export async function inExtensionHost<T>(entry: string, env: Record<string, string>): Promise<T> {
  const folder = mkdtempSync(path.join(tmpdir(), 'bimlink-bench-'));
  const out = path.join(folder, 'result.json');
  try {
    const code = await runTests({
      vscodeExecutablePath: path.join(root, 'test', 'vscode', 'code-shim.mjs'),
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(root, 'out', 'test', 'vscode', 'bench', entry),
      launchArgs: [path.join(folder, 'workspace'), `--user-data-dir=${path.join(folder, 'user-data')}`, `--extensions-dir=${path.join(folder, 'extensions')}`],
      extensionTestsEnv: { ...env, BIMLINK_BENCH_OUT: out },
    }).catch(error => (error as { code?: number }).code ?? 1);
    if (code !== 0) throw new Error(`the extension host bench ${entry} failed (exit ${code})`);
    return JSON.parse(readFileSync(out, 'utf8')) as T;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
