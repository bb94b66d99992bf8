// What users read: messages name the request, never a token or the query; server text is tamed.
import { describe, expect, it } from 'vitest';
import { bearerReason, parseBearerChallenge, summarizeProblem } from '../../../src/core/api/errorDetails';
import {
  BadRequestError, CancelledError, ForbiddenError, MalformedResponseError, NetworkError, NotFoundError,
  RateLimitedError, ServerError, TimeoutError, UnauthorizedError, cleanServerText, isBimlinkApiError,
} from '../../../src/core/api/errors';

const request = { method: 'GET', path: '/domainaccounts/abc/locations' };

describe('error classes', () => {
  it('carry a kind, the method and path, and a helpful message', () => {
    const errors = [
      new UnauthorizedError(request, 'The access token expired'),
      new ForbiddenError(request),
      new NotFoundError(request),
      new BadRequestError(request, 400, 'limit: must be at most 1000'),
      new RateLimitedError(request, 30_000),
      new ServerError(request, 503, 4),
      new NetworkError(request, Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }), 4),
      new TimeoutError(request, 2000),
      new MalformedResponseError(request, 'the body was empty where JSON was expected'),
      new CancelledError(request),
    ];
    expect(errors.map(e => e.kind)).toEqual([
      'unauthorized', 'forbidden', 'not-found', 'bad-request', 'rate-limited', 'server', 'network', 'timeout',
      'malformed-response', 'cancelled',
    ]);
    for (const e of errors) {
      expect(isBimlinkApiError(e)).toBe(true);
      expect(e).toBeInstanceOf(Error);
      expect(e.message).toContain('GET /domainaccounts/abc/locations');
      expect(e.method).toBe('GET');
      expect(e.path).toBe('/domainaccounts/abc/locations');
    }
    expect(errors[0]!.message).toMatch(/The access token expired.*Sign in again/);
    expect(errors[4]!.message).toContain('30 s');
    expect(errors[5]!.message).toContain('503');
    expect(errors[6]!.message).toContain('ECONNREFUSED');
    expect(errors[7]!.message).toContain('2 s');
    expect(errors[0]!.name).toBe('UnauthorizedError');
  });

  it('tames server text: control characters and length', () => {
    expect(cleanServerText('a\u0000b\nc')).toBe('a b c');
    expect(cleanServerText('x'.repeat(500))!.length).toBe(200);
    expect(cleanServerText('  ')).toBeUndefined();
  });
});

describe('parseBearerChallenge', () => {
  it('reads error and error_description, quoted or not, with escapes', () => {
    expect(parseBearerChallenge('Bearer error="invalid_token", error_description="The token expired at \\"12:00\\""'))
      .toEqual({ error: 'invalid_token', description: 'The token expired at "12:00"' });
    expect(parseBearerChallenge('Bearer realm="api", error=invalid_token')).toEqual({ error: 'invalid_token' });
    expect(parseBearerChallenge('Basic realm="x", Bearer error="insufficient_scope"')).toEqual({ error: 'insufficient_scope' });
    expect(parseBearerChallenge(null)).toEqual({});
    expect(bearerReason({ error: 'invalid_token', description: 'expired' })).toBe('expired');
    expect(bearerReason({ error: 'invalid_token' })).toBe('invalid_token');
    expect(bearerReason({})).toBeUndefined();
  });
});

describe('summarizeProblem', () => {
  it('summarises ProblemDetails and ValidationProblemDetails', () => {
    expect(summarizeProblem({ type: 'x', title: 'One or more validation errors occurred.', status: 400, errors: { limit: ['The limit must be between 1 and 1000.'] } }))
      .toEqual({ text: 'One or more validation errors occurred. — limit: The limit must be between 1 and 1000.', fieldErrors: { limit: ['The limit must be between 1 and 1000.'] } });
    expect(summarizeProblem({ Title: 'Not Found', Detail: 'No such phase' }).text).toBe('Not Found — No such phase');
    expect(summarizeProblem('<html>').text).toBeUndefined();
    expect(summarizeProblem(undefined)).toEqual({ fieldErrors: {} });
  });
});
