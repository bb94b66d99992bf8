// The extension host's memory while some work runs, measured in two ways that must not share a run:
// - rssDuring: the RSS peak (sampled every 25 ms), garbage not yet collected included, as the system sees it;
// - liveDuring: what the work keeps alive (JS heap in use plus array buffers), right after full garbage collections
//   forced every half second; forcing them changes the RSS, which is why the two are separate runs.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface RssDuring { startRssMb: number; peakRssMb: number }
export interface LiveDuring {
  startLiveMb: number;
  peakLiveMb: number;
  /** Live memory (MB) after each forced collection during the work, in order. */
  samples: number[];
}

const mb = (bytes: number): number => bytes / 2 ** 20;

export async function rssDuring<T>(work: () => PromiseLike<T>): Promise<{ result: T; memory: RssDuring }> {
  const start = mb(process.memoryUsage.rss());
  const memory: RssDuring = { startRssMb: start, peakRssMb: start };
  const sampler = setInterval(() => { memory.peakRssMb = Math.max(memory.peakRssMb, mb(process.memoryUsage.rss())); }, 25);
  try {
    return { result: await work(), memory };
  } finally {
    clearInterval(sampler);
  }
}

/** A full garbage collection now (V8's gc function, exposed for this process at run time). */
export function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** `everyMs`: how often to collect and sample; work shorter than that is not sampled at all. */
export async function liveDuring<T>(work: () => PromiseLike<T>, everyMs = 500): Promise<{ result: T; memory: LiveDuring }> {
  const liveAfterCollecting = (): number => {
    collectGarbage();
    const { heapUsed, arrayBuffers } = process.memoryUsage();
    return mb(heapUsed + arrayBuffers);
  };
  const start = liveAfterCollecting();
  const memory: LiveDuring = { startLiveMb: start, peakLiveMb: start, samples: [] };
  const sampler = setInterval(() => {
    const live = liveAfterCollecting();
    memory.samples.push(live);
    memory.peakLiveMb = Math.max(memory.peakLiveMb, live);
  }, everyMs);
  try {
    return { result: await work(), memory };
  } finally {
    clearInterval(sampler);
  }
}
