// The local BIMlink emulator, in-process: `const emulator = await startEmulator()`.

export { startEmulator, type Emulator } from './server';
export type { EmulatorOptions } from './options';
export { DEFAULT_DIALECT, DIALECTS, DIALECT_NAMES, type Dialect, type DialectName } from './dialects';
export { DEFAULT_FAULTS, type Faults, type PaginationHeadersMode } from './faults';
export type { StatsSnapshot } from './stats';
export { DEMO_USERS, type DemoUser } from './data/users';
export { DEMO_IDS } from './data/catalog';
export { CONFIDENTIAL_CLIENT_ID, CONFIDENTIAL_CLIENT_SECRET, DEFAULT_REDIRECT_URIS, PUBLIC_CLIENT_ID } from './auth/clients';
export { API_AUDIENCE, API_SCOPE, OIDC_ROUTES } from './auth/oidc';
export { NAVIGATION_ROUTES, PAGINATION, PHASE_ROUTES, STOREY_FILTER_PARAMETER } from './routes';
export { OPENAPI_PATH } from './app';
