// What an injected failure looks like on the wire: 500 from the app (ProblemDetails), 502/503
// from a gateway in front of it (HTML), 429 from a rate limiter, with Retry-After.

import { problem } from './problems';

export interface FaultResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

const gatewayPage = (status: number, title: string): string =>
  `<html><head><title>${status} ${title}</title></head><body><center><h1>${status} ${title}</h1></center></body></html>`;

export function faultResponse(status: 429 | 500 | 502 | 503, retryAfterSeconds: number): FaultResponse {
  const retryAfter = { 'Retry-After': String(retryAfterSeconds) };
  switch (status) {
    case 429:
      return { status, headers: { 'Content-Type': 'application/problem+json; charset=utf-8', ...retryAfter }, body: JSON.stringify(problem(429, 'Rate limit exceeded. Try again later.')) };
    case 500:
      return { status, headers: { 'Content-Type': 'application/problem+json; charset=utf-8' }, body: JSON.stringify(problem(500)) };
    case 502:
      return { status, headers: { 'Content-Type': 'text/html' }, body: gatewayPage(502, 'Bad Gateway') };
    case 503:
      return { status, headers: { 'Content-Type': 'text/html', ...retryAfter }, body: gatewayPage(503, 'Service Temporarily Unavailable') };
  }
}

/** Cuts a JSON body in half: still starts like JSON, no longer parses. */
export function truncateJson(body: string): string {
  return body.length <= 1 ? '[{' : body.slice(0, Math.max(1, Math.floor(body.length / 2)));
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
