// The integration-test entry point: runs the mocha suites of test/vscode/suite in a real VS Code extension host
// through @vscode/test-electron's runTests, against the local BIMlink emulator (started here, its URL handed to
// the tests as BIMLINK_EMULATOR_URL). Where desktop VS Code is installed (VSCODE_EXECUTABLE) or can be downloaded
// it runs there; where it cannot (these machines reach only the npm and Debian registries), the same suites run
// in code-server's Node extension host through the `code` shim.
// Two runs share one profile: the chosen suites, then — VS Code restarted — the after-restart tests of those chosen
// suites that declare some (helpers/restart.ts); no restart when none does.
//   tsx test/vscode/harness/run.ts                    every suite (the extension and suites must be built: npm run build)
//   tsx test/vscode/harness/run.ts --grep tree        only the tests whose title or file name matches (any case)
//   tsx test/vscode/harness/run.ts --dialect aspnet   against the emulator's other API dialect (default: bimlink)
//   tsx test/vscode/harness/run.ts --self-check       then also prove that a failing test fails the run
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_DIALECT, DIALECT_NAMES, startEmulator, type DialectName, type Emulator } from '../../emulator/index';
import { freePort } from './codeServer';
import { testRedirectUris } from '../helpers/testPorts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const shim = path.join(root, 'test', 'vscode', 'harness', 'codeShim.mjs');
const vscodeVersion = '1.100.3';
const { values: flags } = parseArgs({ options: { dialect: { type: 'string' }, grep: { type: 'string' }, 'self-check': { type: 'boolean' } } });
const dialect = (flags.dialect ?? DEFAULT_DIALECT) as DialectName;
if (!DIALECT_NAMES.includes(dialect)) throw new Error(`--dialect ${dialect}: use ${DIALECT_NAMES.join(' or ')}`);

async function vscodeExecutable(): Promise<string> {
  if (process.env.VSCODE_EXECUTABLE) return process.env.VSCODE_EXECUTABLE;
  if (process.env.BIMLINK_TEST_HOST === 'code-server') return shim;
  try {
    return await downloadAndUnzipVSCode({ version: vscodeVersion, timeout: 15_000 });
  } catch (error) {
    console.log(`Desktop VS Code ${vscodeVersion} cannot be downloaded here (${(error as Error).message.split('\n')[0]}); running in code-server.`);
    return shim;
  }
}

/** One run of VS Code on a profile; resolves with the exit code (0 = every test passed). */
async function runSuites(executable: string, profile: string, workspace: string, env: Record<string, string>): Promise<number> {
  try {
    return await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(root, 'out', 'test', 'vscode', 'suite', 'index'),
      launchArgs: [workspace, '--disable-extensions',
        `--user-data-dir=${path.join(profile, 'user-data')}`, `--extensions-dir=${path.join(profile, 'extensions')}`],
      extensionTestsEnv: env,
    });
  } catch (error) {
    const code = (error as { code?: number }).code;
    return typeof code === 'number' && code !== 0 ? code : 1;
  }
}

async function withProfile<T>(work: (profile: string, workspace: string) => Promise<T>): Promise<T> {
  const profile = mkdtempSync(path.join(tmpdir(), 'bimlink-test-profile-'));
  const workspace = mkdtempSync(path.join(tmpdir(), 'bimlink-test-workspace-'));
  try {
    return await work(profile, workspace);
  } finally {
    rmSync(profile, { recursive: true, force: true });
    rmSync(workspace, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const executable = await vscodeExecutable();
  const emulator: Emulator = await startEmulator({ redirectUris: testRedirectUris, dialect });
  console.log(`The emulator speaks the ${dialect} dialect.`);
  try {
    const env = { BIMLINK_EMULATOR_URL: emulator.url, BIMLINK_EMULATOR_DIALECT: dialect, BIMLINK_SIGN_IN_TIMEOUT_MS: '20000' };
    const grep = flags.grep ?? process.env.BIMLINK_TEST_GREP;
    const code = await withProfile(async (profile, workspace) => {
      const restartNote = path.join(profile, 'restart.json'); // which suites the main run prepared for a restart
      const sameWindow = { ...env, BIMLINK_TEST_CODE_SERVER_PORT: String(await freePort()), BIMLINK_TEST_RESTART: restartNote };
      const main = await runSuites(executable, profile, workspace, { ...sameWindow, ...(grep ? { BIMLINK_TEST_GREP: grep } : {}), BIMLINK_TEST_PHASE: 'main' });
      if (main !== 0) return main;
      const due = JSON.parse(readFileSync(restartNote, 'utf8')) as string[];
      if (!due.length) return main;
      console.log(`\nRestarting VS Code on the same profile, for: ${due.join(', ')}.`);
      return runSuites(executable, profile, workspace, { ...sameWindow, BIMLINK_TEST_PHASE: 'after-restart' });
    });
    if (code !== 0 || !flags['self-check']) return code;
    console.log('\nSelf-check: a run with a deliberately failing test must fail.');
    const failing = await withProfile((profile, workspace) =>
      runSuites(executable, profile, workspace, { ...env, BIMLINK_TEST_PHASE: 'none', BIMLINK_TEST_DELIBERATE_FAILURE: '1' }));
    if (failing === 0) {
      console.log('Self-check failed: the run with a failing test reported success.');
      return 1;
    }
    console.log(`Self-check passed: the failing run ended with exit code ${failing}.`);
    return 0;
  } finally {
    await emulator.close();
  }
}

process.exitCode = await main();
