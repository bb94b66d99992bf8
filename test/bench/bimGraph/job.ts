// What the bim-graph parent tells its children (one JSON env variable, as in apiReadAll) and what they answer.
import type { ReadJob, ReadResult } from '../apiReadAll/job';

export { JOB_ENV } from '../apiReadAll/job';

/** The large phase, and a signed-in token for it. */
export interface PhaseJob {
  baseUrl: string;
  token: string;
  domainAccountId: string;
  projectPhaseId: string;
}

/** Find References: the object instances that use one object type (the baseline reads the same collection). */
export interface FindJob extends ReadJob {
  objectTypeId: string;
}

export interface FindResult extends ReadResult {
  /** Instances that use the type. */
  found: number;
}

export interface LinksResult {
  entities: number;
  chars: number;
  references: number;
  symbols: number;
  /** One scan (links + symbols) of the whole page, per run after warm-up. */
  scanMs: number[];
  /** scanEntityDocument alone (no link targets), to tell the two apart. */
  scanOnlyMs: number[];
  /** One cached hover each: find the reference under the cursor, cached(), build its text. */
  hoverMs: number[];
  /** References the hovers covered that resolved to an entity. */
  resolved: number;
}

export function jobOf<T>(env: string): T {
  const raw = process.env[env];
  if (!raw) throw new Error(`${env} is not set`);
  return JSON.parse(raw) as T;
}
