/** The scopes the extension asks for: the API itself, refresh tokens, and an ID token with the user's email. */
export const defaultScopes: readonly string[] = ['bimlink_publicapi', 'offline_access', 'openid', 'email'];
