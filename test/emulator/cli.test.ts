// `npm run emulator`: prints what a user needs, serves, and exits 0 on SIGINT.

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));

type Started = ReturnType<typeof run>;

function run(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PORT: '' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const output = async (text: string): Promise<string> => {
    for (let waited = 0; !stdout.includes(text); waited += 50) {
      if (waited > 15_000 || child.exitCode !== null) throw new Error(`No '${text}' in output:\n${stdout}\n${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return stdout;
  };
  return { child, exited, output, out: () => stdout, err: () => stderr };
}

describe('emulator CLI', () => {
  it('prints URL, clients, redirect URIs and users, serves, stops cleanly on SIGINT; --help; bad flags', async () => {
    // Started together: each child needs a second or two to load.
    const help = run(['--help']);
    const bad = run(['--bogus']);
    const cli = run(['--port', '0', '--redirect-uri', 'http://127.0.0.1:47002/callback', '--large-phase', '1000000', '--latency', '5']);
    try {
      await checkCli(cli, help, bad);
    } finally {
      for (const started of [help, bad, cli]) if (started.child.exitCode === null) started.child.kill('SIGKILL');
    }
  });
});

async function checkCli(cli: Started, help: Started, bad: Started): Promise<void> {
  const text = await cli.output('Press Ctrl-C to stop.');
  const url = /running at (http:\/\/127\.0\.0\.1:\d+)/.exec(text)![1]!;
  expect(text).toContain('bimlink-explorer');
  expect(text).toContain('client_secret demo-secret');
  expect(text).toContain('http://127.0.0.1:33418/callback');
  expect(text).toContain('vscode://bimlink-explorer.bimlink-explorer/callback');
  expect(text).toContain('http://127.0.0.1:47002/callback');
  expect(text).toMatch(/anna@demo-bimlink\.nl\s+password anna-demo/);
  expect(text).toMatch(/bram@demo-bimlink\.nl\s+password bram-demo/);
  expect(text).toContain('1,000,000 object instances');
  expect(text).toContain('latencyMs=5');

  const discovery = await fetch(`${url}/.well-known/openid-configuration`);
  expect(((await discovery.json()) as { issuer: string }).issuer).toBe(url);

  cli.child.kill('SIGINT');
  expect(await cli.exited).toBe(0);
  await expect(fetch(`${url}/__admin`)).rejects.toThrow();

  expect(await help.exited).toBe(0);
  expect(help.out()).toContain('--pagination-headers');
  expect(await bad.exited).toBe(2);
  expect(bad.err()).toContain('--bogus');
}

