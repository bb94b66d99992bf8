import * as vscode from 'vscode';
import { readAuthorizationResponse, type AuthorizationRequest } from '../../core/auth/authorizationRequest';
import { LoopbackPortBusyError, startLoopbackRedirectServer, type LoopbackRedirectServer } from '../../core/auth/loopbackRedirectServer';
import { openBrowserAndWait } from './browserRedirect';
import { RouteUnavailableError, type RouteDependencies, type SignInRoute } from './signInRoute';

/** The browser comes back to a fixed port on 127.0.0.1 (the redirect URI `uri`), where VS Code listens. */
export function loopbackRoute(deps: RouteDependencies, uri: string): SignInRoute {
  return {
    name: 'loopback',
    async receive(attempt, signal) {
      let server: LoopbackRedirectServer;
      try {
        server = await startLoopbackRedirectServer(uri, query => verdict(query, attempt));
      } catch (error) {
        if (!(error instanceof LoopbackPortBusyError)) throw error;
        deps.log.warn(error.message);
        // The browser can still sign in; it just cannot hand the result to VS Code, so the next route takes it.
        await vscode.env.openExternal(vscode.Uri.parse(attempt.url, true));
        throw new RouteUnavailableError(`${error.message} You can still sign in: complete it in the browser, then paste the address it ends on.`);
      }
      return openBrowserAndWait(deps, attempt, { received: server.received, dispose: () => server.close() }, signal);
    },
  };
}

/** A redirect of another attempt is ignored (the server keeps waiting); one of this attempt settles it. */
function verdict(query: URLSearchParams, attempt: AuthorizationRequest): 'accept' | 'ignore' | Error {
  if (query.get('state') !== attempt.state) return 'ignore';
  try {
    readAuthorizationResponse(query, attempt.state);
    return 'accept';
  } catch (error) {
    return error as Error;
  }
}
