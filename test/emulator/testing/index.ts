// Test helpers, for the emulator's tests and the extension's.

export { CookieJar } from './cookie-jar';
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
} from './sign-in';
export { apiGet, paginationOf, type ApiResponse } from './http';
export { spellingOf, type Spelling } from './spelling';
