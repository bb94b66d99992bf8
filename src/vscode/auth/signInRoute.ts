import type * as vscode from 'vscode';
import type { AuthorizationRequest } from '../../core/auth/authorizationRequest';
import type { UriCallbacks } from './uriCallbacks';

/**
 * One way for the browser's answer to reach the sign-in (the loopback port, a vscode:// URI, the user pasting it).
 * `receive` hands back the query of the redirect the browser was sent to for `attempt`. It throws
 * RouteUnavailableError when this route cannot get it (the next route is then offered, told why), a
 * CancellationError when the user gave up.
 */
export interface SignInRoute {
  readonly name: string;
  receive(attempt: AuthorizationRequest, signal: AbortSignal, previous?: RouteUnavailableError): Promise<URLSearchParams>;
}

/** A route could not get the browser's answer; the message says why, for the user, and suits the next route's offer. */
export class RouteUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RouteUnavailableError';
  }
}

export interface RouteDependencies {
  readonly log: vscode.LogOutputChannel;
  readonly uriCallbacks: UriCallbacks;
  /** How long to wait for the browser before offering the next route. */
  readonly timeoutMs: number;
}
