// Options of one emulator instance, with their defaults. The CLI maps its flags onto these.

import { dialectNamed, type DialectName } from './dialects';
import type { Faults } from './faults';

export interface EmulatorOptions {
  /** TCP port; 0 = any free port (the in-process default). */
  port?: number;
  /** Interface to listen on. Default 127.0.0.1 (loopback only). */
  host?: string;
  /** Extra whitelisted redirect URIs, on top of the two defaults (exact match). */
  redirectUris?: readonly string[];
  /** Log this user in without showing the form (tests). Off by default. */
  autoLogin?: string;
  /** Object instances per ordinary phase. Default 2,500. */
  objectInstances?: number;
  /** Object instances in the "Groot model" phase. Default 100,000. */
  largePhaseObjectInstances?: number;
  /** Access token lifetime in seconds (same as faults.accessTokenLifetimeSeconds). Default 3600. */
  accessTokenLifetime?: number;
  /** Refresh token idle (sliding) lifetime in seconds. Default 14 days. */
  refreshTokenLifetime?: number;
  /** Clock skew the API accepts on `exp`. Default 0 (ASP.NET's is 300). */
  clockToleranceSeconds?: number;
  /** Seed of the fault PRNG. Default 1. */
  seed?: number;
  /** Faults active from the start. */
  faults?: Partial<Faults>;
  /** How the API spells paths, keys, limits and errors (dialects.ts). Default `bimlink`. */
  dialect?: DialectName;
}

export interface ResolvedOptions {
  readonly port: number;
  readonly host: string;
  readonly redirectUris: readonly string[];
  readonly autoLogin: string | undefined;
  readonly objectInstances: number;
  readonly largePhaseObjectInstances: number;
  readonly refreshTokenLifetime: number;
  readonly clockToleranceSeconds: number;
  readonly seed: number;
  readonly faults: Partial<Faults>;
  readonly dialect: DialectName;
}

export const DEFAULT_OBJECT_INSTANCES = 2_500;
export const DEFAULT_LARGE_PHASE_OBJECT_INSTANCES = 100_000;
const MAX_INSTANCES = 0xffff_ffff;

function count(name: string, value: number | undefined, fallback: number, max = MAX_INSTANCES): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0 || value > max) throw new RangeError(`${name} must be an integer from 0 to ${max}, got ${value}`);
  return value;
}

export function resolveOptions(options: EmulatorOptions, redirectDefaults: readonly string[]): ResolvedOptions {
  const faults = { ...options.faults };
  if (options.accessTokenLifetime !== undefined) faults.accessTokenLifetimeSeconds = options.accessTokenLifetime;
  return {
    port: count('port', options.port, 0, 65535),
    host: options.host ?? '127.0.0.1',
    redirectUris: [...new Set([...redirectDefaults, ...(options.redirectUris ?? [])])],
    autoLogin: options.autoLogin,
    objectInstances: count('objectInstances', options.objectInstances, DEFAULT_OBJECT_INSTANCES),
    largePhaseObjectInstances: count('largePhaseObjectInstances', options.largePhaseObjectInstances, DEFAULT_LARGE_PHASE_OBJECT_INSTANCES),
    refreshTokenLifetime: count('refreshTokenLifetime', options.refreshTokenLifetime, 14 * 24 * 3600),
    clockToleranceSeconds: count('clockToleranceSeconds', options.clockToleranceSeconds, 0),
    seed: count('seed', options.seed, 1),
    faults,
    dialect: dialectNamed(options.dialect).name,
  };
}
