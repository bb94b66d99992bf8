// Runs one extension-host bench entry (test/vscode/bench/<entry>.ts) in a fresh code-server window with the
// extension under development, and returns what it wrote to BIMLINK_BENCH_OUT. It builds the extension and the bench
// entries, and installs code-server, first (once per run), so `npm run bench` works on a fresh clone.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';
import { ensureCodeServer } from '../vscode/harness/codeServer';

const root = fileURLToPath(new URL('../..', import.meta.url));
let prepared = false;

/** The build `npm test` makes (dist/ and out/), and code-server: what an extension-host bench runs on. */
function prepare(): void {
  if (prepared) return;
  execFileSync(process.execPath, [path.join(root, 'esbuild.js')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  ensureCodeServer();
  prepared = true;
}

export async function inExtensionHost<T>(entry: string, env: Record<string, string>): Promise<T> {
  prepare();
  const folder = mkdtempSync(path.join(tmpdir(), 'bimlink-bench-'));
  const out = path.join(folder, 'result.json');
  try {
    const code = await runTests({
      vscodeExecutablePath: path.join(root, 'test', 'vscode', 'harness', 'codeShim.mjs'),
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
