// One step of BIMlink: Check Server: what was asked, what came back, and the helpers every step uses to say so.
import { isBimlinkApiError } from '../api/errors';
import { findKey } from '../api/fieldNames';
import type { HttpResponse } from '../api/http';
import type { JsonObject } from '../api/readJson';
import { paginationHeaderNames } from '../api/routes';

export type Verdict = 'ok' | 'warning' | 'failed' | 'skipped';

export interface CheckStep {
  readonly title: string;
  /** What was asked: `GET /domainaccounts`, or several requests. */
  readonly request: string;
  /** The HTTP status, or what went wrong instead (`network`, `timeout` …). */
  readonly outcome: string;
  readonly verdict: Verdict;
  readonly ms: number;
  /** What the answer showed: keys matched, headers, counts, names tried. */
  readonly findings: readonly string[];
}

export interface Timed<T> {
  readonly value?: T;
  readonly error?: unknown;
  readonly ms: number;
}

export async function timed<T>(work: () => Promise<T>): Promise<Timed<T>> {
  const start = performance.now();
  try {
    const value = await work();
    return { value, ms: Math.round(performance.now() - start) };
  } catch (error) {
    if (isBimlinkApiError(error) && error.kind === 'cancelled') throw error;
    return { error, ms: Math.round(performance.now() - start) };
  }
}

/** A failed request as a step: its status (or failure kind) and the client's message. */
export function failed(title: string, request: string, result: Timed<unknown>, verdict: Verdict = 'failed'): CheckStep {
  const error = result.error;
  const outcome = isBimlinkApiError(error) ? (error.status !== undefined ? String(error.status) : error.kind) : 'error';
  return { title, request, outcome, verdict, ms: result.ms, findings: [error instanceof Error ? error.message : String(error)] };
}

export function skipped(title: string, why: string): CheckStep {
  return { title, request: '—', outcome: 'not run', verdict: 'skipped', ms: 0, findings: [why] };
}

/** `Pagination-Limit: 100, Pagination-Offset: 0, Pagination-Result: absent` */
export function paginationHeaders(response: HttpResponse): string {
  return Object.values(paginationHeaderNames).map(name => `${name}: ${response.headers.get(name) ?? 'absent'}`).join(', ');
}

/** Which key of `obj` answered for each field, e.g. `phases ← ProjectPhases`; `absent` when none did. */
export function matchedKeys(obj: JsonObject, fields: Record<string, readonly string[]>): string {
  return Object.entries(fields).map(([field, spellings]) => `${field} ← ${findKey(obj, spellings) ?? 'absent'}`).join(', ');
}

/** Names tried for a collection and what each answered: `objectinstances → 404, objects → 200`. */
export function tried(attempts: readonly { path: string; outcome: number | string }[]): string {
  return attempts.map(a => `${a.path} → ${a.outcome}`).join(', ');
}
