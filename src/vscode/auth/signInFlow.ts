import * as vscode from 'vscode';
import { createAuthorizationRequest, readAuthorizationResponse } from '../../core/auth/authorizationRequest';
import type { Fetch } from '../../core/auth/authFetch';
import { discoverEndpoints, type AuthEndpoints } from '../../core/auth/discovery';
import type { Account } from '../../core/auth/idToken';
import { chooseRedirectRoute } from '../../core/auth/redirectRoute';
import { signedInAccount } from '../../core/auth/signInAccount';
import { exchangeCode, revokeRefreshToken, type ClientCredentials, type TokenSet } from '../../core/auth/tokenClient';
import type { Servers } from '../../core/config/servers';
import type { RouteDependencies } from './signInRoute';
import { receiveRedirect, signInRoutes } from './signInRoutes';

export interface SignInRequest {
  readonly servers: Servers;
  readonly client: ClientCredentials;
  readonly redirectUri: string;
  readonly scopes: readonly string[];
  /** The server must show its login page (prompt=login), not reuse the browser's session, which may be another user's. */
  readonly forceLogin: boolean;
}

export interface SignInResult {
  readonly tokens: TokenSet;
  readonly account: Account;
  readonly endpoints: AuthEndpoints;
}

export interface SignInDependencies extends RouteDependencies {
  readonly fetch: Fetch;
  readonly extensionId: string;
}

/**
 * The interactive sign-in: OAuth 2 authorization code with PKCE, state and nonce, in a cancellable progress
 * notification. The browser's answer comes back by the first of the sign-in routes that works (signInRoutes.ts). A
 * user's cancel ends it with a CancellationError.
 */
export async function signInInteractively(deps: SignInDependencies, request: SignInRequest): Promise<SignInResult> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Signing in to BIMlink', cancellable: true },
    async (progress, token) => {
      const controller = new AbortController();
      const cancelled = new Promise<never>((_, reject) => token.onCancellationRequested(() => {
        controller.abort();
        reject(new vscode.CancellationError());
      }));
      cancelled.catch(() => undefined);
      const step = <T>(work: Promise<T>) => Promise.race([work, cancelled]);

      const route = chooseRedirectRoute(request.redirectUri, vscode.env.uriScheme);
      progress.report({ message: 'reading the sign-in configuration…' });
      const endpoints = await step(discoverEndpoints(deps.fetch, request.servers.authority, controller.signal));
      const redirectUri = route.kind === 'loopback' ? route.uri : await externalCallbackUri(deps, route.uri);
      const attempt = createAuthorizationRequest(endpoints, request.client.clientId, redirectUri, request.scopes, request.forceLogin);
      deps.log.info(`Signing in at ${endpoints.authorization} as client "${request.client.clientId}", redirect ${redirectUri}.`);

      progress.report({ message: 'complete the sign-in in your browser…' });
      const query = await step(receiveRedirect(signInRoutes(deps, route), attempt, controller.signal));
      const { code } = readAuthorizationResponse(query, attempt.state);

      progress.report({ message: 'completing the sign-in…' });
      const tokens = await step(exchangeCode(deps.fetch, endpoints, request.client,
        { code, redirectUri, codeVerifier: attempt.pkce.verifier }, controller.signal));
      let account: Account;
      try {
        account = await step(signedInAccount(deps.fetch, endpoints, tokens,
          { clientId: request.client.clientId, nonce: attempt.nonce, scopes: request.scopes }, controller.signal));
      } catch (error) {
        // The tokens were issued but are not trusted: end them at the server too (not tied to the cancel; bounded in time).
        if (tokens.refreshToken) {
          void revokeRefreshToken(deps.fetch, endpoints, request.client, tokens.refreshToken)
            .catch(e => deps.log.warn(`The refused sign-in could not be revoked at the server: ${(e as Error).message}`));
        }
        throw error;
      }
      if (!tokens.refreshToken) deps.log.warn('The server issued no refresh token: you will have to sign in again when this session expires.');
      deps.log.info(`Signed in as ${account.label}.`);
      return { tokens, account, endpoints };
    });
}

/** The vscode:// callback as the browser must call it (in a remote or web window VS Code may route it through a web address). */
async function externalCallbackUri(deps: SignInDependencies, configured: string): Promise<string> {
  const own = vscode.Uri.parse(`${vscode.env.uriScheme}://${deps.extensionId}/callback`);
  const external = (await vscode.env.asExternalUri(own)).toString(true);
  if (external !== configured) {
    deps.log.warn(`This window receives the sign-in at ${external}, which differs from bimlink.redirectUri (${configured}); BIMlink must have that address registered.`);
  }
  return external;
}
