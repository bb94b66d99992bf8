// npm run demo: builds the extension, starts the local BIMlink emulator with demo data, and opens BIMlink Explorer
// in a real VS Code — code-server's workbench in your browser, with the extension loaded under development (like
// F5 in desktop VS Code) and configured for the emulator.
//   npm run demo                 VS Code on http://127.0.0.1:4080, the emulator on http://127.0.0.1:4010
//   npm run demo -- --port N --emulator-port M
//   npm run demo -- --desktop    desktop VS Code (`code` on PATH) instead of code-server
// Ctrl-C stops everything.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startEmulator } from './emulator/index';
import { quietSettings, startCodeServer } from './vscode/harness/codeServer';

const root = fileURLToPath(new URL('..', import.meta.url));
const demoFolder = path.join(root, '.vscode-test', 'demo');
const { values: flags } = parseArgs({
  options: { port: { type: 'string' }, 'emulator-port': { type: 'string' }, desktop: { type: 'boolean' } },
});

/** Adds the emulator's settings to the demo profile's user settings, keeping whatever else is there. */
function configureFor(emulatorUrl: string, userDataDir: string): void {
  const file = path.join(userDataDir, 'User', 'settings.json');
  mkdirSync(path.dirname(file), { recursive: true });
  const current = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> : quietSettings;
  writeFileSync(file, JSON.stringify({
    ...current,
    'bimlink.environment': 'custom',
    'bimlink.apiUrl': emulatorUrl,
    'bimlink.authority': '',
    'bimlink.clientId': 'bimlink-explorer',
    'bimlink.redirectUri': 'http://127.0.0.1:33418/callback',
  }, null, 2));
}

async function main(): Promise<void> {
  execFileSync(process.execPath, [path.join(root, 'esbuild.js')], { stdio: 'inherit', cwd: root });
  const workspace = path.join(demoFolder, 'workspace');
  mkdirSync(workspace, { recursive: true });
  const emulator = await startEmulator({ port: Number(flags['emulator-port'] ?? 4010) });
  const userDataDir = path.join(demoFolder, 'user-data'); // kept between runs, like a real profile
  configureFor(emulator.url, userDataDir);
  const login = emulator.users.map(u => `${u.email} / ${u.password}`).join('    ');

  let stopServer: () => Promise<unknown> = async () => undefined;
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    await stopServer();
    await emulator.close();
    process.exit(0);
  };
  process.on('SIGINT', stop).on('SIGTERM', stop);

  if (flags.desktop) {
    const code = spawn('code', ['--new-window', `--user-data-dir=${userDataDir}`, `--extensionDevelopmentPath=${root}`, workspace], { stdio: 'inherit' });
    code.on('error', error => { console.error(`Could not start desktop VS Code (\`code\`): ${error.message}`); void stop(); });
    console.log(`\nBIMlink emulator: ${emulator.url}\nSign in with    ${login}\n\nPress Ctrl-C to stop the emulator.`);
    return;
  }

  const server = await startCodeServer({ port: Number(flags.port ?? process.env.PORT ?? 4080), userDataDir,
    extensionsDir: path.join(demoFolder, 'extensions') });
  stopServer = server.stop;
  const url = server.workbenchUrl(workspace, [['extensionDevelopmentPath', server.remoteUri(root)], ['skipWelcome', 'true']]);
  console.log([
    '',
    'BIMlink Explorer is running in VS Code, against the local BIMlink emulator.',
    '',
    `  Open VS Code:      ${url}`,
    `  Emulator:          ${emulator.url}   (OpenAPI: ${emulator.url}/swagger/v1/swagger.json)`,
    `  Sign in with:      ${login}`,
    '',
    'Open the BIMlink view in the activity bar and choose "Sign in to BIMlink". Press Ctrl-C to stop.',
  ].join('\n'));
  const code = await server.exited;
  if (!stopping) {
    console.error(`code-server stopped unexpectedly (exit ${code}); its log is in ${server.folder}`);
    await emulator.close();
    process.exit(1);
  }
}

main().catch(error => { console.error(error instanceof Error ? error.message : error); process.exit(1); });
