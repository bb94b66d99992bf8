import * as vscode from 'vscode';
import { createAuthorizationRequest, readAuthorizationResponse, type AuthorizationRequest } from '../../core/auth/authorizationRequest';
import type { Fetch } from '../../core/auth/authFetch';
import { discoverEndpoints, type AuthEndpoints } from '../../core/auth/discovery';
import type { Account } from '../../core/auth/idToken';
import { LoopbackPortBusyError, startLoopbackRedirectServer } from '../../core/auth/loopbackRedirectServer';
import { chooseRedirectRoute, type RedirectRoute } from '../../core/auth/redirectRoute';
import { signedInAccount } from '../../core/auth/signInAccount';
import { exchangeCode, revokeRefreshToken, type ClientCredentials, type TokenSet } from '../../core/auth/tokenClient';
import type { Servers } from '../../core/config/servers';
import { showWarningMessage } from '../feedback/messages';
import type { UriCallbacks } from './uriCallbacks';

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

export interface SignInDependencies {
  readonly fetch: Fetch;
  readonly log: vscode.LogOutputChannel;
  readonly uriCallbacks: UriCallbacks;
  readonly extensionId: string;
  /** How long to wait for the browser before offering to paste the redirected address. */
  readonly timeoutMs: number;
}

const pasteInstead = 'Paste Redirected URL';

/**
 * The interactive sign-in: OAuth 2 authorization code with PKCE, state and nonce, in a cancellable progress
 * notification. The browser returns to a loopback port or a vscode:// URI; when that route fails or takes too long,
 * the user can paste the address the browser shows instead. A user's cancel ends it with a CancellationError.
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
      const query = await step(receiveRedirect(deps, route, attempt, controller.signal));
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

/** Waits for the browser's redirect on the chosen route; on a failed or slow route, offers to paste it instead. */
async function receiveRedirect(deps: SignInDependencies, route: RedirectRoute, attempt: AuthorizationRequest,
  signal: AbortSignal): Promise<URLSearchParams> {
  const verdict = (query: URLSearchParams) => {
    if (query.get('state') !== attempt.state) return 'ignore' as const;
    try {
      readAuthorizationResponse(query, attempt.state);
      return 'accept' as const;
    } catch (error) {
      return error as Error;
    }
  };
  let waiting: { received: Promise<URLSearchParams>; dispose(): unknown };
  if (route.kind === 'loopback') {
    try {
      const server = await startLoopbackRedirectServer(route.uri, verdict);
      waiting = { received: server.received, dispose: () => server.close() };
    } catch (error) {
      if (!(error instanceof LoopbackPortBusyError)) throw error;
      deps.log.warn(error.message);
      // The browser can still sign in; it just cannot hand the result to VS Code. The user pastes it instead.
      await vscode.env.openExternal(vscode.Uri.parse(attempt.url, true));
      return pasteRedirect(deps, attempt, `${error.message} You can still sign in: complete it in the browser, then paste the address it ends on.`);
    }
  } else {
    waiting = deps.uriCallbacks.waitFor(attempt.state);
  }
  let timer: NodeJS.Timeout | undefined;
  try {
    if (!await vscode.env.openExternal(vscode.Uri.parse(attempt.url, true))) {
      return await pasteRedirect(deps, attempt, 'VS Code could not open your browser for the BIMlink sign-in.');
    }
    const timedOut = new Promise<'timeout'>(resolve => { timer = setTimeout(() => resolve('timeout'), deps.timeoutMs); });
    // a cancel must close the loopback port at once, not when the wait would have timed out
    const cancelled = new Promise<'cancelled'>(resolve => signal.addEventListener('abort', () => resolve('cancelled'), { once: true }));
    const outcome = await Promise.race([waiting.received, timedOut, cancelled]);
    if (outcome === 'cancelled') throw new vscode.CancellationError();
    if (outcome !== 'timeout') return outcome;
  } finally {
    clearTimeout(timer);
    await waiting.dispose();
  }
  deps.log.warn(`The browser did not return to VS Code within ${Math.round(deps.timeoutMs / 1000)} s.`);
  return pasteRedirect(deps, attempt, 'The BIMlink sign-in did not come back to VS Code in time.');
}

/** The fallback route: the user pastes the address the browser was sent back to. */
async function pasteRedirect(deps: SignInDependencies, attempt: AuthorizationRequest, reason: string): Promise<URLSearchParams> {
  const choice = await showWarningMessage(reason, { modal: false }, pasteInstead, 'Copy Sign-in Link');
  if (choice === 'Copy Sign-in Link') {
    await vscode.env.clipboard.writeText(attempt.url);
    return pasteRedirect(deps, attempt, 'The sign-in link is on your clipboard: open it in a browser, sign in, then paste the address the browser ends on.');
  }
  if (choice !== pasteInstead) throw new vscode.CancellationError();
  const pasted = await vscode.window.showInputBox({
    title: 'BIMlink sign-in',
    prompt: `Paste the whole address your browser shows after signing in (it starts with ${attempt.redirectUri.split('?')[0]}).`,
    placeHolder: `${attempt.redirectUri}?code=…&state=…`,
    ignoreFocusOut: true,
    validateInput: value => {
      const query = queryOf(value);
      if (!query) return 'That is not an address. Copy the whole address from the browser.';
      if (query.get('state') !== attempt.state) return 'That address is not from this sign-in attempt (its state does not match).';
      if (!query.get('code') && !query.get('error')) return 'That address holds no authorization code.';
      return undefined;
    },
  });
  const query = pasted === undefined ? undefined : queryOf(pasted);
  if (!query) throw new vscode.CancellationError();
  deps.log.info('Using the pasted redirect address.');
  return query;
}

function queryOf(value: string): URLSearchParams | undefined {
  try {
    return new URL(value.trim()).searchParams;
  } catch {
    return undefined;
  }
}

