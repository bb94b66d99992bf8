// Runs in the real extension host for `npm run bench` (test/bench/editorCost): the extension host's memory after a
// user has browsed 1,000 explorer rows. The real workbench walks the whole tree with the keyboard, again and again
// (collapse all and refresh between walks), until 1,000 rows have been opened and read; memory is measured after a
// full garbage collection before the first walk and after each. Writes the numbers to BIMLINK_BENCH_OUT.
import { writeFileSync } from 'node:fs';
import { collectGarbage } from '../helpers/memoryDuring';
import { signInByItself } from '../helpers/signIn';
import { freshExplorer, waitForRow } from '../helpers/tree';
import { ui } from '../helpers/ui';

export interface TreeMemoryResult {
  /** Heap in use and RSS (MB), signed in with the explorer shown and collapsed. */
  before: Memory;
  /** The same after each walk, with the rows the walk visited and the total so far. */
  walks: (Memory & { rows: number; browsed: number })[];
}

interface Memory { heapMb: number; rssMb: number }

const ROWS_TO_BROWSE = 1_000;

/** Memory after a full collection, so that garbage waiting to be collected is not counted. */
function memory(): Memory {
  collectGarbage();
  const { heapUsed, rss } = process.memoryUsage();
  return { heapMb: heapUsed / 2 ** 20, rssMb: rss / 2 ** 20 };
}

/** The explorer collapsed and reloaded, its first row shown again. */
async function freshTree(): Promise<void> {
  await freshExplorer();
  await waitForRow('Demo Vastgoed BV');
}

export async function run(): Promise<void> {
  await signInByItself();
  await freshTree();
  const result: TreeMemoryResult = { before: memory(), walks: [] };
  for (let browsed = 0; browsed < ROWS_TO_BROWSE;) {
    const { rows } = await ui<{ rows: number }>('tree-browse');
    browsed += rows;
    result.walks.push({ ...memory(), rows, browsed });
    await freshTree();
  }
  writeFileSync(process.env.BIMLINK_BENCH_OUT!, JSON.stringify(result));
}
