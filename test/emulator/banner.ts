// What `npm run emulator` prints at startup: everything needed to point a client at it.

import { OPENAPI_PATH } from './app';
import { CATALOG, DEMO_IDS } from './data/catalog';
import { DIALECTS } from './dialects';
import { DEFAULT_FAULTS, type Faults } from './faults';
import type { Emulator } from './server';

function describeVisibility(patterns: readonly string[]): string {
  if (patterns.includes('**')) return 'everything';
  return patterns.map((p) => p.split('/').slice(2).join(' / ')).join(', ');
}

export function banner(emulator: Emulator): string {
  const { url, clients } = emulator;
  const faults = emulator.faults.get();
  const changed = (Object.keys(faults) as (keyof Faults)[]).filter((key) => faults[key] !== DEFAULT_FAULTS[key]);
  const dialect = DIALECTS[emulator.dialect];
  const lines = [
    `BIMlink emulator running at ${url}`,
    '',
    `  Dialect          ${dialect.name} (${dialect.summary})`,
    `  API base URL     ${url}`,
    `  OpenAPI          ${dialect.openApiDocument ? `${url}${OPENAPI_PATH}` : `none in this dialect (${OPENAPI_PATH} answers 404)`}`,
    `  OIDC discovery   ${url}/.well-known/openid-configuration`,
    `  Admin            ${url}/__admin  (faults, stats, revoke tokens, reset)`,
    '',
    'Clients',
    `  public (PKCE)    client_id ${clients.publicClientId}`,
    `  confidential     client_id ${clients.confidentialClientId}   client_secret ${clients.confidentialClientSecret}`,
    `  scopes           ${clients.scopes.join(' ')}`,
    '  redirect URIs (exact match):',
    ...clients.redirectUris.map((uri) => `    ${uri}`),
    '',
    'Demo users',
    ...emulator.users.map((u) => `  ${u.email.padEnd(24)} password ${u.password.padEnd(10)} ${u.name} (sees ${describeVisibility(u.sees)})`),
    ...(emulator.info()['autoLogin'] ? [`  auto-login: ${String(emulator.info()['autoLogin'])} (no login form)`] : []),
    '',
    'Data',
    ...CATALOG.map((a) => `  domain account ${a.id}  ${a.name}`),
    `  phase "Groot model" ${DEMO_IDS.grootModel} (domain account ${DEMO_IDS.demoVastgoed}): ${emulator.sizes.largePhaseObjectInstances.toLocaleString('en')} object instances`,
    `  other phases: ${emulator.sizes.objectInstances.toLocaleString('en')} object instances each`,
    '',
    changed.length ? `Faults: ${changed.map((key) => `${key}=${String(faults[key])}`).join(', ')}` : 'Faults: none',
    '',
    'Press Ctrl-C to stop.',
  ];
  return lines.join('\n');
}
