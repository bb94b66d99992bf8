// The integration-test runner's leftover check must see a process that names the run's folder, and only that.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findLeftovers } from '../../vscode/harness/leftovers';

describe('findLeftovers', () => {
  const folders: string[] = [];
  afterEach(() => { for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true }); });

  it.skipIf(process.platform !== 'linux')('finds a live process that names the marker, and not after it ended', async () => {
    const marker = mkdtempSync(path.join(tmpdir(), 'leftover-'));
    folders.push(marker);
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30_000)', marker], { stdio: 'ignore' });
    await new Promise(resolve => child.once('spawn', resolve));
    const found = findLeftovers(marker);
    expect(found.map(l => l.pid)).toEqual([child.pid]);
    expect(found[0].command).toContain(marker);
    expect(findLeftovers(`${marker}-other`)).toEqual([]);
    child.kill('SIGKILL');
    await new Promise(resolve => child.once('exit', resolve));
    expect(findLeftovers(marker)).toEqual([]);
  });
});
