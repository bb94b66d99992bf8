import type { AuthorizationRequest } from '../../core/auth/authorizationRequest';
import type { RedirectRoute } from '../../core/auth/redirectRoute';
import { loopbackRoute } from './loopbackRoute';
import { pasteRoute } from './pasteRoute';
import { RouteUnavailableError, type RouteDependencies, type SignInRoute } from './signInRoute';
import { uriHandlerRoute } from './uriHandlerRoute';

/**
 * The routes to try, in order: the one `bimlink.redirectUri` names on this host (see chooseRedirectRoute), then
 * pasting the address by hand, which works wherever the browser ends up.
 */
export function signInRoutes(deps: RouteDependencies, redirect: RedirectRoute): SignInRoute[] {
  return [redirect.kind === 'loopback' ? loopbackRoute(deps, redirect.uri) : uriHandlerRoute(deps), pasteRoute(deps)];
}

/** Tries the routes in order; when one cannot get the browser's answer, the next is offered, told why. */
export async function receiveRedirect(routes: readonly SignInRoute[], attempt: AuthorizationRequest,
  signal: AbortSignal): Promise<URLSearchParams> {
  let previous: RouteUnavailableError | undefined;
  for (const route of routes) {
    try {
      return await route.receive(attempt, signal, previous);
    } catch (error) {
      if (!(error instanceof RouteUnavailableError)) throw error;
      previous = error;
    }
  }
  throw previous ?? new Error('No sign-in route is available.');
}
