// The UI journeys of `npm test` (and `npm run screenshots`): the journey of journey.ts in code-server's workbench in
// Debian's chromium, against the local emulator: once with the extension loaded from this folder (as `npm run demo`
// does) against the emulator's aspnet dialect, and once installed from the .vsix that `npm run package` builds
// against the bimlink dialect — each install and each dialect once.
//   tsx test/journey/run.ts                          both; screenshots in a temporary folder
//   tsx test/journey/run.ts --install vsix           only the installed .vsix (against bimlink)
//   tsx test/journey/run.ts --dialect aspnet         every install against this dialect
//   tsx test/journey/run.ts --screenshots media/screenshots
// The last line, `journeys: N passed, M failed`, counts the steps.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DIALECT_NAMES, startEmulator, type DialectName, type Emulator } from '../emulator/index';
import { ensureCodeServer, startCodeServer } from '../vscode/harness/codeServer';
import { findLeftovers } from '../vscode/harness/leftovers';
import { launchChromium } from '../vscode/harness/runInCodeServer';
import { runJourney, type JourneyResult } from './journey';

type Install = 'dev' | 'vsix';
const root = fileURLToPath(new URL('../..', import.meta.url));
const vsix = path.join(root, 'dist', 'bimlink-explorer.vsix');
const { values: flags } = parseArgs({ options: { install: { type: 'string', multiple: true }, dialect: { type: 'string' }, screenshots: { type: 'string' } } });
const installs = (flags.install ?? ['dev', 'vsix']) as Install[];
for (const install of installs) if (install !== 'dev' && install !== 'vsix') throw new Error(`--install ${install}: use dev or vsix`);
if (flags.dialect !== undefined && !DIALECT_NAMES.includes(flags.dialect as DialectName)) throw new Error(`--dialect ${flags.dialect}: use ${DIALECT_NAMES.join(' or ')}`);
/** Each install meets one dialect: the packaged extension the guessed one (as the README's pictures show), the source the other. */
const dialectOf = (install: Install): DialectName => (flags.dialect as DialectName | undefined) ?? (install === 'dev' ? 'aspnet' : 'bimlink');

/** Starts code-server with the extension (from this folder, or installed from the .vsix) and walks the journey. */
async function journeyIn(install: Install, emulator: Emulator, work: string, screenshots: string): Promise<JourneyResult> {
  const folder = path.join(work, install);
  const extensionsDir = path.join(folder, 'extensions');
  const workspace = path.join(folder, 'workspace');
  mkdirSync(workspace, { recursive: true });
  if (install === 'vsix') {
    const said = execFileSync(process.execPath, [ensureCodeServer(), '--extensions-dir', extensionsDir, '--install-extension', vsix], { encoding: 'utf8' });
    if (!/was successfully installed/.test(said)) throw new Error(`code-server did not install ${vsix}: ${said.trim()}`);
  }
  const server = await startCodeServer({
    userDataDir: path.join(folder, 'user-data'),
    extensionsDir,
    settings: {
      'bimlink.environment': 'custom',
      'bimlink.apiUrl': emulator.url,
      'bimlink.clientId': emulator.clients.publicClientId,
      'workbench.tips.enabled': false,
    },
  });
  const browserProfile = path.join(folder, 'chromium');
  const browser = await launchChromium(browserProfile);
  try {
    const workbench = browser.pages()[0] ?? await browser.newPage();
    await workbench.setViewportSize({ width: 1280, height: 800 });
    const payload: [string, string][] = [['skipWelcome', 'true']];
    if (install === 'dev') payload.push(['extensionDevelopmentPath', server.remoteUri(root)]);
    await workbench.goto(server.workbenchUrl(workspace, payload));
    return await runJourney({ emulator, context: browser, workbench, exportFolder: workspace, screenshots, failures: work,
      name: `${install === 'dev' ? 'from source' : 'installed .vsix'}, ${emulator.dialect} dialect` });
  } finally {
    await browser.close().catch(() => undefined);
    const leftovers = [...await server.stop(), ...findLeftovers(browserProfile)];
    for (const l of leftovers) { try { process.kill(l.pid, 'SIGKILL'); } catch { /* gone */ } }
    if (leftovers.length) console.log(`  processes left behind: ${leftovers.map(l => l.pid).join(', ')}`);
  }
}

/** Runs a build step quietly; when it fails, its output is the error. */
function run(command: string, args: string[]): void {
  try {
    execFileSync(command, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed:\n${stdout}${stderr}`);
  }
}

async function main(): Promise<number> {
  run(process.execPath, [path.join(root, 'esbuild.js')]);
  if (installs.includes('vsix')) run('npm', ['run', '--silent', 'package']);
  const work = mkdtempSync(path.join(tmpdir(), 'bimlink-journey-'));
  const screenshots = path.resolve(flags.screenshots ?? path.join(work, 'screenshots'));
  mkdirSync(screenshots, { recursive: true });
  let passed = 0;
  let failed = 0;
  try {
    for (const install of installs) {
      const emulator = await startEmulator({ dialect: dialectOf(install) });
      try {
        const result = await journeyIn(install, emulator, work, screenshots);
        passed += result.passed;
        failed += result.failed;
      } finally {
        await emulator.close();
      }
    }
  } finally {
    if (!failed) rmSync(work, { recursive: true, force: true });
  }
  if (flags.screenshots) console.log(`Screenshots: ${screenshots}`);
  console.log(`journeys: ${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

main().then(code => process.exit(code), error => {
  console.error(error);
  console.log('journeys: 0 passed, 1 failed');
  process.exit(1);
});
