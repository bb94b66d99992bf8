import type * as vscode from 'vscode';
import type { Fetch } from '../../core/auth/authFetch';
import { defaultEndpoints, discoverEndpoints, type AuthEndpoints } from '../../core/auth/discovery';
import { refreshTokensOf } from '../../core/auth/sessionChanges';
import type { StoredSession } from '../../core/auth/storedSession';
import { refreshTokens, revokeRefreshToken, type ClientCredentials, type TokenSet } from '../../core/auth/tokenClient';

/**
 * Talks to the servers a session was issued by, with the client it was issued to: its endpoints and client secret come
 * from the session, never from the settings, which may name other servers by the time a request goes out.
 */
export class SessionServers {
  /** Endpoints discovered per sign-in server, for sessions stored before they kept their own. */
  private readonly discovered = new Map<string, Promise<AuthEndpoints>>();

  constructor(private readonly deps: { fetch: Fetch; secrets: vscode.SecretStorage; log: vscode.LogOutputChannel }) {}

  async renew(session: StoredSession): Promise<TokenSet> {
    return refreshTokens(this.deps.fetch, await this.endpointsOf(session), await this.clientOf(session), session.refreshToken);
  }

  /**
   * Revokes refresh tokens of `session`'s client at its server (by default its own and its earlier sign-ins'); a
   * failure is logged, not thrown (the user is signed out here either way).
   */
  async revoke(session: StoredSession, tokens: readonly string[] = refreshTokensOf(session)): Promise<void> {
    if (!tokens.length) return;
    try {
      const [endpoints, client] = [await this.endpointsOf(session), await this.clientOf(session)];
      for (const token of tokens) await revokeRefreshToken(this.deps.fetch, endpoints, client, token);
      this.deps.log.info('The session was revoked at the BIMlink sign-in server.');
    } catch (error) {
      this.deps.log.warn(`The session could not be revoked at the server: ${(error as Error).message}`);
    }
  }

  /** The client id with the secret stored for it, where there is one. */
  async client(secretKey: string, clientId: string): Promise<ClientCredentials> {
    const clientSecret = await this.deps.secrets.get(secretKey);
    return clientSecret ? { clientId, clientSecret } : { clientId };
  }

  private clientOf(session: StoredSession): Promise<ClientCredentials> {
    return this.client(session.clientSecretKey, session.clientId);
  }

  private endpointsOf(session: StoredSession): Promise<AuthEndpoints> {
    if (session.endpoints) return Promise.resolve({ ...defaultEndpoints(session.authority), ...session.endpoints });
    // Stored before sessions kept their endpoints: ask the session's own sign-in server, once per window.
    const { authority } = session;
    let found = this.discovered.get(authority);
    if (!found) {
      const discovering = discoverEndpoints(this.deps.fetch, authority);
      this.discovered.set(authority, discovering);
      discovering.catch(() => { if (this.discovered.get(authority) === discovering) this.discovered.delete(authority); });
      found = discovering;
    }
    return found;
  }
}
