// `limit`/`offset` parsing and the Pagination-* headers (rules: PAGINATION in routes.ts; a
// dialect's pagination policy in dialects.ts).

import type { FastifyReply } from 'fastify';
import type { Dialect } from '../dialects';
import type { PaginationHeadersMode } from '../faults';
import { PAGINATION } from '../routes';
import type { Query, QueryReader, QueryValue } from './query';
import type { PageLimits } from './routeModel';

export type PageRequest =
  | { readonly ok: true; readonly limit: number; readonly offset: number }
  | { readonly ok: false; readonly errors: Record<string, string[]> };

const INT32_MAX = 2147483647;

type PagePolicy = Dialect['pagination'];

/** Model binding of an int parameter, ASP.NET-style: whole numbers only, within int32; above `max` rejected or clamped. */
function bindInt(name: string, raw: QueryValue, fallback: number, min: number, max: number, above: PagePolicy['tooLargeLimit'], errors: Record<string, string[]>): number {
  if (raw === undefined) return fallback;
  const text = Array.isArray(raw) ? raw.join(',') : raw;
  const trimmed = text.trim();
  if (!/^[+-]?\d+$/.test(trimmed) || Math.abs(Number(trimmed)) > INT32_MAX) {
    errors[name] = [`The value '${text}' is not valid.`];
    return fallback;
  }
  const value = Number(trimmed);
  if (value > max && above === 'clamp') return max;
  if (value < min || value > max) errors[name] = [`The field ${name} must be between ${min} and ${max}.`];
  return value;
}

/** The route's limits under the dialect's maximum, if it sets one. */
export function effectiveLimits(limits: PageLimits, policy: PagePolicy): PageLimits {
  if (policy.maxLimit === undefined) return limits;
  return { defaultLimit: Math.min(limits.defaultLimit, policy.maxLimit), maxLimit: policy.maxLimit };
}

export function parsePage(query: Query, limits: PageLimits, policy: PagePolicy, read: QueryReader): PageRequest {
  const errors: Record<string, string[]> = {};
  const { defaultLimit, maxLimit } = effectiveLimits(limits, policy);
  const limit = bindInt(PAGINATION.limitParameter, read(query, PAGINATION.limitParameter), defaultLimit, 1, maxLimit, policy.tooLargeLimit, errors);
  const offset = bindInt(PAGINATION.offsetParameter, read(query, PAGINATION.offsetParameter), 0, 0, INT32_MAX, 'reject', errors);
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, limit, offset };
}

export interface PageInfo {
  readonly limit: number;
  readonly offset: number;
  readonly total: number;
}

/**
 * Sets the headers as the dialect sends them, then applies the fault mode on top; returns
 * whether they were faulty on purpose (missing or lying).
 */
export function setPaginationHeaders(reply: FastifyReply, page: PageInfo, total: PagePolicy['total'], mode: PaginationHeadersMode): boolean {
  if (mode === 'missing') return true;
  // Lying: claims more objects than exist and echoes a wrong offset, the kind of inconsistency
  // a client must survive without looping forever or skipping data.
  const lying = mode === 'lying';
  reply.header(PAGINATION.headers.limit, String(page.limit));
  reply.header(PAGINATION.headers.offset, String(lying ? page.offset + page.limit : page.offset));
  if (total === 'always' || page.offset + page.limit < page.total) {
    reply.header(PAGINATION.headers.total, String(lying ? page.total + 3 * page.limit + 7 : page.total));
  }
  return lying;
}
