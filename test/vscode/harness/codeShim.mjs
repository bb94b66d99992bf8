#!/usr/bin/env node
// A stand-in for the desktop `code` executable, for @vscode/test-electron's runTests({ vscodeExecutablePath }):
// it takes the arguments runTests passes (--extensionDevelopmentPath=, --extensionTestsPath=, --user-data-dir=,
// --extensions-dir=, a folder) and runs the tests in code-server's real extension host instead.
import { register } from 'tsx/esm/api';

register();
const { runInCodeServer } = await import('./runInCodeServer.ts');

const run = { extensionDevelopmentPath: [] };
const args = process.argv.slice(2);
const valued = new Set(['--extensionDevelopmentPath', '--extensionTestsPath', '--user-data-dir', '--extensions-dir']);
for (let i = 0; i < args.length; i++) {
  let [name, value] = args[i].split(/=(.*)/s);
  if (name === '--version') { console.log('1.100.3\ncode-server\nx64'); process.exit(0); }
  if (!name.startsWith('--')) { run.workspacePath ??= name; continue; }
  if (value === undefined && valued.has(name)) value = args[++i];
  if (name === '--extensionDevelopmentPath') run.extensionDevelopmentPath.push(value);
  else if (name === '--extensionTestsPath') run.extensionTestsPath = value;
  else if (name === '--user-data-dir') run.userDataDir = value;
  else if (name === '--extensions-dir') run.extensionsDir = value;
  // Desktop-only switches (--no-sandbox, --disable-gpu-sandbox, --disable-extensions, ...) do not apply here.
}
// Chromium's profile beside VS Code's user data: a second run with the same user data is a restart of the same
// browser and VS Code, secrets included (code-server keeps them in the browser's storage).
if (run.userDataDir) run.browserProfile = `${run.userDataDir.replace(/\/+$/, '')}-browser`;
// The browser keeps code-server's secrets per origin: a restart must come back on the same port.
if (process.env.BIMLINK_TEST_CODE_SERVER_PORT) run.port = Number(process.env.BIMLINK_TEST_CODE_SERVER_PORT);
if (!run.extensionTestsPath) {
  console.error('codeShim: only test runs (--extensionTestsPath) are supported');
  process.exit(2);
}
process.exit(await runInCodeServer(run));
