// The OpenID Provider: oidc-provider (a certified implementation) configured to look like
// BIMlink's IdentityServer: /connect/* endpoints, JWT access tokens for `bimlink_publicapi`,
// rotating refresh tokens with a sliding lifetime, PKCE, exact redirect-URI matching.

import Provider, { errors, type KoaContextLike } from 'oidc-provider';
import { findUserBySub } from '../data/users';
import type { ClientRegistration } from './clients';
import type { SigningKeys } from './keys';
import { errorPage, loggedOutPage, logoutPage } from './pages';
import type { TokenStore } from './tokenStore';

/** The API as a resource server: audience and scope of its access tokens. */
export const API_AUDIENCE = 'bimlink_publicapi';
export const API_SCOPE = 'bimlink_publicapi';
/** Resource indicator (RFC 8707) of the API; the default, as clients send no `resource`. */
export const API_RESOURCE = 'urn:bimlink:publicapi';
export const SUPPORTED_SCOPES = ['openid', 'email', 'offline_access', API_SCOPE] as const;

/** Paths served by oidc-provider (IdentityServer's names). */
export const OIDC_ROUTES = {
  authorization: '/connect/authorize',
  token: '/connect/token',
  userinfo: '/connect/userinfo',
  revocation: '/connect/revocation',
  end_session: '/connect/endsession',
  jwks: '/.well-known/openid-configuration/jwks',
} as const;

/** Where oidc-provider sends the browser to log in (served by interactions.ts). */
export const INTERACTION_PATH = '/account/login';

export interface OidcSetup {
  readonly issuer: string;
  readonly keys: SigningKeys;
  readonly store: TokenStore;
  readonly clients: readonly ClientRegistration[];
  /** Read at every token issue, so tests can shorten it on a running emulator. */
  readonly accessTokenLifetime: () => number;
  /** Idle lifetime of a refresh token; each refresh issues a new one with a fresh lifetime. */
  readonly refreshTokenLifetimeSeconds: number;
}

const DAY = 24 * 3600;

export function createOidcProvider(setup: OidcSetup): Provider {
  const provider = new Provider(setup.issuer, {
    adapter: (model: string) => setup.store.adapterFor(model),
    clients: setup.clients,
    jwks: { keys: [setup.keys.privateJwk] },
    // Fixed demo keys: cookies are signed but nothing here is secret.
    cookies: { keys: ['bimlink-emulator-demo-cookie-key'] },
    scopes: [...SUPPORTED_SCOPES],
    claims: { openid: ['sub', 'name'], email: ['email', 'email_verified'] },
    // Put email and name in the ID token (the extension shows the account without a userinfo call).
    conformIdTokenClaims: false,
    findAccount: async (_ctx: unknown, sub: string) => {
      const user = findUserBySub(sub);
      if (!user) return undefined;
      return {
        accountId: user.sub,
        claims: async () => ({ sub: user.sub, name: user.name, email: user.email, email_verified: true }),
      };
    },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `${INTERACTION_PATH}/${interaction.uid}` },
    routes: OIDC_ROUTES,
    responseTypes: ['code'],
    pkce: { required: (_ctx: unknown, client: { clientAuthMethod: string }) => client.clientAuthMethod === 'none' },
    // IdentityServer's OneTimeOnly refresh tokens: every use returns a new one; reuse is rejected.
    rotateRefreshToken: true,
    ttl: {
      AccessToken: () => setup.accessTokenLifetime(),
      AuthorizationCode: 60,
      IdToken: 3600,
      Interaction: 3600,
      Session: 14 * DAY,
      // Sliding: a rotated refresh token gets a full new lifetime...
      RefreshToken: () => setup.refreshTokenLifetimeSeconds,
      // ...within the grant, which acts as the absolute lifetime.
      Grant: 365 * DAY,
    },
    features: {
      devInteractions: { enabled: false },
      pushedAuthorizationRequests: { enabled: false },
      // A client may revoke only its own tokens (others are silently ignored, RFC 7009 §2.2).
      revocation: { enabled: true, allowedPolicy: async (_ctx: unknown, client: { clientId: string }, token: { clientId: string }) => token.clientId === client.clientId },
      userinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx: KoaContextLike, form: string) => {
          ctx.type = 'html';
          ctx.body = logoutPage(form, ctx.oidc?.client?.clientName);
        },
        postLogoutSuccessSource: async (ctx: KoaContextLike) => {
          ctx.type = 'html';
          ctx.body = loggedOutPage();
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: async () => API_RESOURCE,
        // Without this, a request that includes `openid` gets an opaque token for userinfo.
        useGrantedResource: async () => true,
        getResourceServerInfo: async (_ctx: unknown, indicator: string) => {
          if (indicator !== API_RESOURCE) throw new errors.InvalidTarget(`unknown resource '${indicator}'`);
          return {
            // All scopes, so the JWT's `scope` lists them all, as IdentityServer's tokens do
            // (there it is a JSON array; here a space-separated string, RFC 9068).
            scope: SUPPORTED_SCOPES.join(' '),
            audience: API_AUDIENCE,
            accessTokenTTL: setup.accessTokenLifetime(),
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    clientBasedCORS: () => true,
    renderError: async (ctx: KoaContextLike, out: { error: string; error_description?: string }) => {
      ctx.type = 'html';
      ctx.body = errorPage(out.error, out.error_description);
    },
  });

  // oidc-provider drops `offline_access` unless the request says prompt=consent (OIDC Core
  // §11); IdentityServer does not ask that of clients. Consent is granted automatically here,
  // so asking for it on the client's behalf changes nothing else.
  provider.use(async (ctx, next) => {
    if (ctx.method === 'GET' && ctx.path === OIDC_ROUTES.authorization) {
      const { scope, prompt } = ctx.query;
      const prompts = typeof prompt === 'string' ? prompt.split(' ').filter(Boolean) : [];
      if (typeof scope === 'string' && scope.split(' ').includes('offline_access') && !prompts.includes('consent') && !prompts.includes('none')) {
        ctx.query = { ...ctx.query, prompt: [...prompts, 'consent'].join(' ') };
      }
    }
    await next();
  });

  // Exact redirect-URI matching, as IdentityServer does by default. oidc-provider lets native
  // clients use ANY port on a loopback redirect (RFC 8252 §7.3); BIMlink whitelists exact URLs.
  provider.Client.prototype.redirectUriAllowed = function redirectUriAllowed(value: string): boolean {
    return this.redirectUris.includes(value);
  };

  return provider;
}
