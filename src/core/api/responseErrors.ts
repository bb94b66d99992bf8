// Maps a failed answer to the typed error a user reads: 4xx statuses (with the ProblemDetails text) and
// failures to get or renew a token.
import { AbortedMarker } from './abort';
import { summarizeProblem } from './errorDetails';
import {
  BadRequestError, BimlinkApiError, cleanServerText, ForbiddenError, NotFoundError, type RequestLabel, UnauthorizedError,
} from './errors';

/** 403, 404 and the other 4xx (400, 409, 422 …), each with what the server said about it. */
export function clientError(label: RequestLabel, status: number, bodyText: string): BimlinkApiError {
  let problem: unknown;
  try {
    problem = bodyText ? JSON.parse(bodyText) : undefined;
  } catch {
    problem = undefined; // an HTML or text error page: the status says enough
  }
  const summary = summarizeProblem(problem);
  switch (status) {
    case 403: return new ForbiddenError(label, summary.text);
    case 404: return new NotFoundError(label, summary.text);
    default: return new BadRequestError(label, status, summary.text, summary.fieldErrors);
  }
}

/**
 * The token source could not give or renew a token (not signed in, refresh token revoked …): the user must sign
 * in again. The server's reason for the 401 comes first, then why renewing failed. Cancellation passes through.
 */
export function authFailure(label: RequestLabel, serverReason: string | undefined, error: unknown): Error {
  if (error instanceof AbortedMarker || error instanceof BimlinkApiError) return error;
  const why = cleanServerText(error instanceof Error ? error.message : undefined);
  const reason = serverReason && why ? `${serverReason}; renewing the session failed: ${why}` : serverReason ?? why;
  return new UnauthorizedError(label, reason, { cause: error });
}
