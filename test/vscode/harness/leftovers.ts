// Finds processes that a test run left behind: any live process whose command line names the run's own
// temporary folder (code-server, its extension host, pty host and watcher, chromium and its helpers all do).
import { readdirSync, readFileSync } from 'node:fs';

export interface Leftover { pid: number; command: string }

export function findLeftovers(marker: string): Leftover[] {
  let pids: string[];
  try { pids = readdirSync('/proc').filter(name => /^\d+$/.test(name)); } catch { return []; } // not Linux
  const found: Leftover[] = [];
  for (const pid of pids) {
    if (Number(pid) === process.pid) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) continue; // a zombie holds no resources
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
      if (command.includes(marker)) found.push({ pid: Number(pid), command: command.slice(0, 160) });
    } catch { /* the process ended while we looked */ }
  }
  return found;
}
