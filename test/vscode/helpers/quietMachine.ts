// Benches in the extension host share two CPUs with the browser, code-server and the emulator: they start timing
// only once the window's start-up work is over.
import { readFileSync } from 'node:fs';

/** The machine's idle share of CPU time over the next `ms` (Linux /proc/stat). */
async function idleShare(ms: number): Promise<number> {
  const read = () => {
    const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number);
    return { idle: ticks[3]! + ticks[4]!, total: ticks.reduce((sum, tick) => sum + tick, 0) };
  };
  const before = read();
  await new Promise(resolve => setTimeout(resolve, ms));
  const after = read();
  return (after.idle - before.idle) / Math.max(1, after.total - before.total);
}

/**
 * Waits until the window has finished starting and the machine is quiet (5 samples of 200 ms in a row with the
 * CPUs at least 85% idle, at most 30 s): the browser's and VS Code's start-up work competes for the same CPUs and
 * would be counted as the extension's. Returns the last sample's idle share.
 */
export async function machineQuiet(): Promise<number> {
  let idle = 0;
  for (let quiet = 0, tries = 0; quiet < 5 && tries < 150; tries++) {
    idle = await idleShare(200);
    quiet = idle >= 0.85 ? quiet + 1 : 0;
  }
  return idle;
}
