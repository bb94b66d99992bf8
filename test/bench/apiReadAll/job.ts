// What the parent tells a reader child (one JSON env variable) and what the child answers.

export interface ReadJob {
  baseUrl: string;
  token: string;
  domainAccountId: string;
  projectPhaseId: string;
  collection: string;
  limit: number;
  prefetch?: number;
  /** Stop after this many entities (warm-up runs). */
  stopAfter?: number;
}

export interface ReadResult {
  entities: number;
  pages: number;
  /** Wall-clock time of the read. */
  ms: number;
  /** CPU time (user + system) the reading process spent on it: robust to a busy machine, unlike `ms`. */
  cpuMs: number;
  /** process.resourceUsage().maxRSS: the peak over the whole child process. */
  peakRssMb: number;
}

export const JOB_ENV = 'BIMLINK_BENCH_JOB';

export function readJob(): ReadJob {
  const raw = process.env[JOB_ENV];
  if (!raw) throw new Error(`${JOB_ENV} is not set`);
  return JSON.parse(raw) as ReadJob;
}
