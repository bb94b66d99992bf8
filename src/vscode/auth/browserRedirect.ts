import * as vscode from 'vscode';
import type { AuthorizationRequest } from '../../core/auth/authorizationRequest';
import { RouteUnavailableError, type RouteDependencies } from './signInRoute';

/** Where a route listens for the redirect; `dispose` stops listening. */
export interface RedirectListener {
  readonly received: Promise<URLSearchParams>;
  dispose(): unknown;
}

/** Opens the sign-in page in the browser and waits for its redirect on `listener`, which it disposes of in the end. */
export async function openBrowserAndWait(deps: RouteDependencies, attempt: AuthorizationRequest, listener: RedirectListener,
  signal: AbortSignal): Promise<URLSearchParams> {
  try {
    if (!await vscode.env.openExternal(vscode.Uri.parse(attempt.url, true))) {
      throw new RouteUnavailableError('VS Code could not open your browser for the BIMlink sign-in.');
    }
    return await redirectWithin(deps, listener.received, signal);
  } finally {
    await listener.dispose();
  }
}

/** The redirect; or a CancellationError as soon as the user cancels, or RouteUnavailableError once time is up. */
function redirectWithin(deps: RouteDependencies, received: Promise<URLSearchParams>, signal: AbortSignal): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    const settle = (finish: () => void) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', cancelled);
      finish();
    };
    // a cancel must close the loopback port at once, not when the wait would have timed out
    const cancelled = () => settle(() => reject(new vscode.CancellationError()));
    const timer = setTimeout(() => settle(() => {
      deps.log.warn(`The browser did not return to VS Code within ${Math.round(deps.timeoutMs / 1000)} s.`);
      reject(new RouteUnavailableError('The BIMlink sign-in did not come back to VS Code in time.'));
    }), deps.timeoutMs);
    if (signal.aborted) return cancelled();
    signal.addEventListener('abort', cancelled, { once: true });
    received.then(query => settle(() => resolve(query)), (error: unknown) => settle(() => reject(error)));
  });
}
