import { openBrowserAndWait } from './browserRedirect';
import type { RouteDependencies, SignInRoute } from './signInRoute';

/** The browser comes back to a vscode:// URI, which VS Code routes to the extension's UriCallbacks. */
export function uriHandlerRoute(deps: RouteDependencies): SignInRoute {
  return {
    name: 'vscode-uri',
    receive: (attempt, signal) => openBrowserAndWait(deps, attempt, deps.uriCallbacks.waitFor(attempt.state), signal),
  };
}
