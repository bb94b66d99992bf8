// `limit`/`offset` parsing and the Pagination-* headers (rules: PAGINATION in routes.ts).

import type { FastifyReply } from 'fastify';
import type { PaginationHeadersMode } from '../faults';
import { PAGINATION } from '../routes';
import type { PageLimits } from './route-model';

export type PageRequest =
  | { readonly ok: true; readonly limit: number; readonly offset: number }
  | { readonly ok: false; readonly errors: Record<string, string[]> };

const INT32_MAX = 2147483647;

type QueryValue = string | string[] | undefined;

/** Model binding of an int parameter, ASP.NET-style: whole numbers only, within int32. */
function bindInt(name: string, raw: QueryValue, fallback: number, min: number, max: number, errors: Record<string, string[]>): number {
  if (raw === undefined) return fallback;
  const text = Array.isArray(raw) ? raw.join(',') : raw;
  const trimmed = text.trim();
  if (!/^[+-]?\d+$/.test(trimmed) || Math.abs(Number(trimmed)) > INT32_MAX) {
    errors[name] = [`The value '${text}' is not valid.`];
    return fallback;
  }
  const value = Number(trimmed);
  if (value < min || value > max) errors[name] = [`The field ${name} must be between ${min} and ${max}.`];
  return value;
}

export function parsePage(query: Record<string, QueryValue>, limits: PageLimits): PageRequest {
  const errors: Record<string, string[]> = {};
  const limit = bindInt(PAGINATION.limitParameter, query[PAGINATION.limitParameter], limits.defaultLimit, 1, limits.maxLimit, errors);
  const offset = bindInt(PAGINATION.offsetParameter, query[PAGINATION.offsetParameter], 0, 0, INT32_MAX, errors);
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, limit, offset };
}

export interface PageInfo {
  readonly limit: number;
  readonly offset: number;
  readonly total: number;
}

/** Sets the headers; returns whether they were faulty on purpose (missing or lying). */
export function setPaginationHeaders(reply: FastifyReply, page: PageInfo, mode: PaginationHeadersMode): boolean {
  if (mode === 'missing') return true;
  // Lying: claims more objects than exist and echoes a wrong offset, the kind of inconsistency
  // a client must survive without looping forever or skipping data.
  const lying = mode === 'lying';
  reply.header(PAGINATION.headers.limit, String(page.limit));
  reply.header(PAGINATION.headers.offset, String(lying ? page.offset + page.limit : page.offset));
  reply.header(PAGINATION.headers.total, String(lying ? page.total + 3 * page.limit + 7 : page.total));
  return lying;
}
