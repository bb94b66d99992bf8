// Command-line flags of `npm run emulator`, mapped onto EmulatorOptions.

import { parseArgs } from 'node:util';
import { DEFAULT_DIALECT, DIALECTS, DIALECT_NAMES, isDialectName } from './dialects';
import type { Faults } from './faults';
import type { EmulatorOptions } from './options';

// One line per dialect, from the dialect table so the help cannot drift from it.
const DIALECT_LINES = DIALECT_NAMES.map((name) => `                                   ${name.padEnd(8)} ${DIALECTS[name].summary}`).join('\n');

export const USAGE = `Usage: npm run emulator -- [options]

  --port <n>                     Port on 127.0.0.1 (default: $PORT or 4010; 0 = any free port)
  --dialect <name>               How the API spells paths, keys, limits and errors (default ${DEFAULT_DIALECT}):
${DIALECT_LINES}
  --redirect-uri <uri>           Whitelist another redirect URI (repeatable)
  --auto-login <email>           Log this demo user in without the login form
  --object-instances <n>         Object instances per phase (default 2500)
  --large-phase <n>              Object instances in phase "Groot model" (default 100000)
  --access-token-lifetime <s>    Access token lifetime in seconds (default 3600)
  --refresh-token-lifetime <s>   Refresh token idle lifetime in seconds (default 1209600 = 14 days)
  --clock-tolerance <s>          Clock skew accepted on token expiry (default 0)
  --seed <n>                     Seed of the fault PRNG (default 1)
Faults (also changeable at run time: PUT /__admin/faults):
  --latency <ms>                 Added to every API response
  --error-rate <0..1>            Share of API requests answered 500/502/503
  --rate-limit-rate <0..1>       Share of API requests answered 429
  --retry-after <s>              Retry-After on 429/503 (default 1)
  --malformed-json-rate <0..1>   Share of 200 responses with a cut-off JSON body
  --pagination-headers <mode>    ok | missing | lying
  --token-endpoint-faults        Apply latency, 429 and 5xx to POST /connect/token too
  --hostile-names                Send storey names as Markdown command links
  --separated-names              Send storey names with the tab titles' separator (00 · Begane grond)
  --help                         Show this text
`;

export class UsageError extends Error {}

function number(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed)) throw new UsageError(`--${flag} needs a number, got '${value}'`);
  return parsed;
}

export function parseCliArgs(argv: readonly string[], env: NodeJS.ProcessEnv): EmulatorOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        dialect: { type: 'string' },
        'redirect-uri': { type: 'string', multiple: true },
        'auto-login': { type: 'string' },
        'object-instances': { type: 'string' },
        'large-phase': { type: 'string' },
        'access-token-lifetime': { type: 'string' },
        'refresh-token-lifetime': { type: 'string' },
        'clock-tolerance': { type: 'string' },
        seed: { type: 'string' },
        latency: { type: 'string' },
        'error-rate': { type: 'string' },
        'rate-limit-rate': { type: 'string' },
        'retry-after': { type: 'string' },
        'malformed-json-rate': { type: 'string' },
        'pagination-headers': { type: 'string' },
        'token-endpoint-faults': { type: 'boolean' },
        'hostile-names': { type: 'boolean' },
        'separated-names': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const v = parsed.values;
  if (v.help) return 'help';

  const faults: Partial<Faults> = {};
  const set = <K extends keyof Faults>(key: K, value: Faults[K] | undefined): void => {
    if (value !== undefined) faults[key] = value;
  };
  set('latencyMs', number('latency', v.latency));
  set('errorRate', number('error-rate', v['error-rate']));
  set('rateLimitRate', number('rate-limit-rate', v['rate-limit-rate']));
  set('retryAfterSeconds', number('retry-after', v['retry-after']));
  set('malformedJsonRate', number('malformed-json-rate', v['malformed-json-rate']));
  set('paginationHeaders', v['pagination-headers'] as Faults['paginationHeaders'] | undefined);
  if (v['token-endpoint-faults']) faults.tokenEndpoint = true;
  if (v['hostile-names']) faults.hostileNames = true;
  if (v['separated-names']) faults.separatedNames = true;
  if (v.dialect !== undefined && !isDialectName(v.dialect)) {
    throw new UsageError(`--dialect must be one of ${DIALECT_NAMES.join(', ')}, got '${v.dialect}'`);
  }

  return {
    port: number('port', v.port ?? (env['PORT'] || undefined)) ?? 4010,
    redirectUris: v['redirect-uri'] ?? [],
    autoLogin: v['auto-login'],
    objectInstances: number('object-instances', v['object-instances']),
    largePhaseObjectInstances: number('large-phase', v['large-phase']),
    accessTokenLifetime: number('access-token-lifetime', v['access-token-lifetime']),
    refreshTokenLifetime: number('refresh-token-lifetime', v['refresh-token-lifetime']),
    clockToleranceSeconds: number('clock-tolerance', v['clock-tolerance']),
    seed: number('seed', v.seed),
    faults,
    ...(v.dialect !== undefined ? { dialect: v.dialect } : {}),
  };
}
