// Faults on demand, per emulator instance. Rates are decided by a seeded PRNG, so a run with the
// same seed and the same request order fails the same requests.

import { createPrng } from './random';

export type PaginationHeadersMode = 'ok' | 'missing' | 'lying';

export interface Faults {
  /** Added to every API response (and token responses when `tokenEndpoint`). */
  latencyMs: number;
  /** Share of API requests answered with 500, 502 or 503. */
  errorRate: number;
  /** Share of API requests answered with 429 and Retry-After. */
  rateLimitRate: number;
  /** Retry-After value on 429 (and 503) responses, in seconds. */
  retryAfterSeconds: number;
  /** Share of successful API responses whose JSON body is cut short (still 200). */
  malformedJsonRate: number;
  /** ok | missing (no Pagination-* headers) | lying (wrong offset and total). */
  paginationHeaders: PaginationHeadersMode;
  /** Lifetime of access tokens issued from now on. */
  accessTokenLifetimeSeconds: number;
  /** Apply latency, errorRate and rateLimitRate to POST /connect/token as well. */
  tokenEndpoint: boolean;
  /** Storey names sent as Markdown command links, `[00 Begane grond](command:workbench.action.openSettings)`. */
  hostileNames: boolean;
  /** Storey names holding the separator of the extension's tab titles, `00 · Begane grond`. */
  separatedNames: boolean;
}

export const DEFAULT_FAULTS: Readonly<Faults> = {
  latencyMs: 0,
  errorRate: 0,
  rateLimitRate: 0,
  retryAfterSeconds: 1,
  malformedJsonRate: 0,
  paginationHeaders: 'ok',
  accessTokenLifetimeSeconds: 3600,
  tokenEndpoint: false,
  hostileNames: false,
  separatedNames: false,
};

export class FaultValidationError extends Error {}

type Check = (value: unknown) => boolean;
const isRate: Check = (v) => typeof v === 'number' && v >= 0 && v <= 1;
const isNonNegativeInt: Check = (v) => Number.isInteger(v) && (v as number) >= 0;
const CHECKS: Record<keyof Faults, [Check, string]> = {
  latencyMs: [isNonNegativeInt, 'an integer ≥ 0'],
  errorRate: [isRate, 'a number from 0 to 1'],
  rateLimitRate: [isRate, 'a number from 0 to 1'],
  retryAfterSeconds: [isNonNegativeInt, 'an integer ≥ 0'],
  malformedJsonRate: [isRate, 'a number from 0 to 1'],
  paginationHeaders: [(v) => v === 'ok' || v === 'missing' || v === 'lying', "'ok', 'missing' or 'lying'"],
  accessTokenLifetimeSeconds: [(v) => Number.isInteger(v) && (v as number) >= 1, 'an integer ≥ 1'],
  tokenEndpoint: [(v) => typeof v === 'boolean', 'true or false'],
  hostileNames: [(v) => typeof v === 'boolean', 'true or false'],
  separatedNames: [(v) => typeof v === 'boolean', 'true or false'],
};

/** Checks a partial fault set (from JSON or options); throws FaultValidationError. */
export function validateFaults(patch: unknown): Partial<Faults> {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
    throw new FaultValidationError('Expected a JSON object of faults');
  }
  const problems: string[] = [];
  for (const [key, value] of Object.entries(patch)) {
    const check = CHECKS[key as keyof Faults];
    if (!check) problems.push(`unknown fault '${key}' (known: ${Object.keys(CHECKS).join(', ')})`);
    else if (!check[0](value)) problems.push(`${key} must be ${check[1]}`);
  }
  if (problems.length) throw new FaultValidationError(problems.join('; '));
  return patch as Partial<Faults>;
}

/** What to do to one request before handling it. */
export interface RequestFault {
  readonly latencyMs: number;
  readonly status?: 429 | 500 | 502 | 503;
}

const SERVER_ERRORS = [500, 502, 503] as const;

export class FaultController {
  readonly #initial: Faults;
  readonly #seed: number;
  #current: Faults;
  #random: () => number;

  constructor(initial: Partial<Faults>, seed: number) {
    this.#initial = { ...DEFAULT_FAULTS, ...validateFaults(initial) };
    this.#seed = seed;
    this.#current = { ...this.#initial };
    this.#random = createPrng(seed);
  }

  get(): Faults {
    return { ...this.#current };
  }

  /** Changes some faults; the others keep their value. */
  set(patch: Partial<Faults>): Faults {
    this.#current = { ...this.#current, ...validateFaults(patch) };
    return this.get();
  }

  /** Back to the faults the emulator started with, and the PRNG to its seed. */
  reset(): Faults {
    this.#current = { ...this.#initial };
    this.#random = createPrng(this.#seed);
    return this.get();
  }

  /** Latency and an error status (if any) for one request. */
  decide(): RequestFault {
    const { latencyMs, rateLimitRate, errorRate } = this.#current;
    if (this.#chance(rateLimitRate)) return { latencyMs, status: 429 };
    if (this.#chance(errorRate)) return { latencyMs, status: SERVER_ERRORS[Math.floor(this.#random() * SERVER_ERRORS.length)]! };
    return { latencyMs };
  }

  malformJson(): boolean {
    return this.#chance(this.#current.malformedJsonRate);
  }

  #chance(rate: number): boolean {
    if (rate <= 0) return false;
    if (rate >= 1) return true;
    return this.#random() < rate;
  }
}
