// Test helpers, for the emulator's tests and the extension's.

export { CookieJar } from './cookieJar';
export { createPkce, randomToken, type Pkce } from './pkce';
export {
  AuthorizationError,
  DEFAULT_SCOPE,
  LoginRejectedError,
  TokenEndpointError,
  authorize,
  exchangeCode,
  refreshTokens,
  signInWithPassword,
  tokenRequest,
  type AuthorizationResult,
  type SignInOptions,
  type TokenSet,
} from './signIn';
export { apiGet, paginationOf, type ApiResponse } from './http';
export { spellingOf, type Spelling } from './spelling';
