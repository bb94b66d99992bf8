// Starts code-server (the VS Code server and web workbench with the real Node extension host, installed from the
// npm registry by ensureCodeServer.sh) on a free loopback port, in its own process group so that everything it
// starts (extension host, pty host, file watcher) stops with it.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findLeftovers, type Leftover } from './leftovers';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface CodeServerOptions {
  userDataDir?: string;
  extensionsDir?: string;
  /** User settings written when the profile has none yet. */
  settings?: Record<string, unknown>;
  /** Extra environment for code-server and so for the extension host. */
  env?: NodeJS.ProcessEnv;
  /** Echo code-server's own output. */
  verbose?: boolean;
  /** The loopback port; a free one when not given. */
  port?: number;
}

export interface CodeServer {
  readonly origin: string;
  /** A folder of this run's own: its log, and every process of the run names it (see leftovers.ts). */
  readonly folder: string;
  /** The workbench URL for a folder, with a `payload` (extensionDevelopmentPath, extensionTestsPath, ...). */
  workbenchUrl(folder: string, payload: [string, string][]): string;
  /** A path on this machine as the workbench names it. */
  remoteUri(localPath: string): string;
  /** Resolves when code-server exits by itself. */
  readonly exited: Promise<number | null>;
  /** Stops code-server and its whole process group; resolves with any process of the run still alive. */
  stop(): Promise<Leftover[]>;
}

/** The user settings every window starts with: quiet, offline, no prompts. */
export const quietSettings = {
  'workbench.startupEditor': 'none',
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
};

export function ensureCodeServer(): string {
  if (process.env.CODE_SERVER_ENTRY) return process.env.CODE_SERVER_ENTRY;
  const out = execFileSync('bash', [path.join(here, 'ensureCodeServer.sh')], { stdio: ['ignore', 'pipe', 'inherit'] });
  return out.toString().trim().split('\n').pop()!;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startCodeServer(options: CodeServerOptions = {}): Promise<CodeServer> {
  const entry = ensureCodeServer();
  const folder = mkdtempSync(path.join(tmpdir(), 'bimlink-code-server-'));
  const userDataDir = path.resolve(options.userDataDir ?? path.join(folder, 'user-data'));
  const extensionsDir = path.resolve(options.extensionsDir ?? path.join(folder, 'extensions'));
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  const settingsFile = path.join(userDataDir, 'User', 'settings.json');
  if (!existsSync(settingsFile)) writeFileSync(settingsFile, JSON.stringify({ ...quietSettings, ...options.settings }, null, 2));

  const host = `127.0.0.1:${options.port ?? await freePort()}`;
  const origin = `http://${host}`;
  writeFileSync(path.join(folder, 'config.yaml'), `bind-addr: ${host}\nauth: none\ncert: false\n`);
  const args = [entry, '--config', path.join(folder, 'config.yaml'), '--bind-addr', host, '--auth', 'none',
    '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--ignore-last-opened'];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    EXTENSIONS_GALLERY: '{}', // no marketplace: it is unreachable here
    VSCODE_PROXY_URI: '', // open loopback links as they are, as desktop VS Code does, instead of code-server's /proxy/
    ...options.env,
    XDG_CONFIG_HOME: path.join(folder, 'xdg-config'),
    XDG_DATA_HOME: path.join(folder, 'xdg-data'),
  };
  delete env.VSCODE_IPC_HOOK_CLI; // never talk to an outer VS Code
  const server = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env, detached: true });
  const log = createWriteStream(path.join(folder, 'code-server.log'));
  server.stdout!.pipe(log);
  server.stderr!.pipe(log);
  if (options.verbose) { server.stdout!.pipe(process.stderr); server.stderr!.pipe(process.stderr); }
  const exited = new Promise<number | null>(resolve => server.once('exit', code => resolve(code)));

  const stop = async (): Promise<Leftover[]> => {
    await stopGroup(server, exited);
    return findLeftovers(folder);
  };
  try {
    await waitUntilHealthy(origin, server, Date.now() + 60_000);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}; see ${folder}/code-server.log`);
  }
  const remoteUri = (localPath: string) => `vscode-remote://${host}${path.resolve(localPath).split(path.sep).join('/')}`;
  return {
    origin,
    folder,
    exited,
    remoteUri,
    workbenchUrl: (workspace, payload) =>
      `${origin}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`,
    stop,
  };
}

async function waitUntilHealthy(origin: string, server: ChildProcess, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`code-server exited with code ${server.exitCode} before it was ready`);
    try {
      if ((await fetch(`${origin}/healthz`)).ok) return;
    } catch { /* not listening yet */ }
    await new Promise(resolve => setTimeout(resolve, 200));
  }
  throw new Error('code-server did not become ready within 60 s');
}

/** SIGTERM to the whole process group, SIGKILL for whatever is still there after 3 s. */
async function stopGroup(server: ChildProcess, exited: Promise<unknown>): Promise<void> {
  const signalGroup = (signal: NodeJS.Signals) => { try { process.kill(-server.pid!, signal); } catch { /* gone */ } };
  signalGroup('SIGTERM');
  const forceful = setTimeout(() => signalGroup('SIGKILL'), 3000);
  await exited;
  clearTimeout(forceful);
  signalGroup('SIGKILL'); // stragglers of the group, e.g. the file watcher
  await new Promise(resolve => setTimeout(resolve, 200));
}
