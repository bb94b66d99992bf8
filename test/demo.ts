// npm run demo: builds the extension and opens it in a real VS Code — code-server's workbench in your browser,
// with BIMlink Explorer loaded as an extension under development (like F5 in desktop VS Code).
//   npm run demo                  on http://127.0.0.1:4080 (or --port N / PORT)
//   npm run demo -- --desktop     in desktop VS Code (`code` on PATH) instead
// Ctrl-C stops everything.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startCodeServer } from './vscode/code-server';

const root = fileURLToPath(new URL('..', import.meta.url));
const demoFolder = path.join(root, '.vscode-test', 'demo');
const { values: flags } = parseArgs({ options: { port: { type: 'string' }, desktop: { type: 'boolean' } } });

async function main(): Promise<void> {
  execFileSync(process.execPath, [path.join(root, 'esbuild.js')], { stdio: 'inherit', cwd: root });
  const workspace = path.join(demoFolder, 'workspace');
  mkdirSync(workspace, { recursive: true });

  if (flags.desktop) {
    const code = spawn('code', ['--new-window', `--extensionDevelopmentPath=${root}`, workspace], { stdio: 'inherit' });
    code.on('error', error => { console.error(`Could not start desktop VS Code (\`code\`): ${error.message}`); process.exit(1); });
    return;
  }

  const port = Number(flags.port ?? process.env.PORT ?? 4080);
  const server = await startCodeServer({
    port,
    userDataDir: path.join(demoFolder, 'user-data'), // kept between runs, like a real profile
    extensionsDir: path.join(demoFolder, 'extensions'),
  });
  const url = server.workbenchUrl(workspace, [['extensionDevelopmentPath', server.remoteUri(root)], ['skipWelcome', 'true']]);
  console.log(`\nBIMlink Explorer is running in VS Code (code-server ${server.origin}).\nOpen this URL in your browser:\n\n  ${url}\n\nPress Ctrl-C to stop.`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop).on('SIGTERM', stop);
  const code = await server.exited;
  if (!stopping) { console.error(`code-server stopped unexpectedly (exit ${code}); its log is in ${server.folder}`); process.exit(1); }
}

main().catch(error => { console.error(error instanceof Error ? error.message : error); process.exit(1); });
