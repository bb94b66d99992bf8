// Reads a query parameter by name, exactly or ignoring case. ASP.NET model binding ignores the
// case and merges the values of `limit=5&Limit=6` into one (which then fails to bind as an int).

import type { Dialect } from '../dialects';

export type QueryValue = string | string[] | undefined;
export type Query = Record<string, QueryValue>;
export type QueryReader = (query: Query, name: string) => QueryValue;

const exact: QueryReader = (query, name) => query[name];

const ignoreCase: QueryReader = (query, name) => {
  const wanted = name.toLowerCase();
  const values = Object.keys(query)
    .filter((key) => key.toLowerCase() === wanted)
    .flatMap((key) => query[key] ?? []);
  if (values.length === 0) return undefined;
  return values.length === 1 ? values[0] : values;
};

export const queryReader = (mode: Dialect['queryNames']): QueryReader => (mode === 'ignoreCase' ? ignoreCase : exact);
