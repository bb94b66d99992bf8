// ASP.NET Core-style error bodies (RFC 9457 ProblemDetails, `application/problem+json`), with
// the `traceId` ASP.NET adds.

import { randomBytes } from 'node:crypto';
import type { FastifyReply } from 'fastify';

const TYPES: Record<number, string> = {
  400: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
  401: 'https://tools.ietf.org/html/rfc9110#section-15.5.2',
  403: 'https://tools.ietf.org/html/rfc9110#section-15.5.4',
  404: 'https://tools.ietf.org/html/rfc9110#section-15.5.5',
  429: 'https://tools.ietf.org/html/rfc6585#section-4',
  500: 'https://tools.ietf.org/html/rfc9110#section-15.6.1',
  502: 'https://tools.ietf.org/html/rfc9110#section-15.6.3',
  503: 'https://tools.ietf.org/html/rfc9110#section-15.6.4',
};

const TITLES: Record<number, string> = {
  400: 'One or more validation errors occurred.',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'An error occurred while processing your request.',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  traceId: string;
  errors?: Record<string, string[]>;
}

/** A W3C traceparent, as ASP.NET puts in `traceId`. */
export const traceId = (): string => `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-00`;

export function problem(status: number, detail?: string, errors?: Record<string, string[]>): ProblemDetails {
  return {
    type: TYPES[status] ?? 'about:blank',
    title: TITLES[status] ?? 'Error',
    status,
    ...(detail ? { detail } : {}),
    traceId: traceId(),
    ...(errors ? { errors } : {}),
  };
}

export function sendProblem(reply: FastifyReply, status: number, detail?: string, errors?: Record<string, string[]>): FastifyReply {
  return reply.code(status).type('application/problem+json; charset=utf-8').send(JSON.stringify(problem(status, detail, errors)));
}
