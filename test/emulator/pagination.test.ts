// limit/offset edges and the Pagination-* headers (rules: PAGINATION in routes.ts).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from './index';
import { apiGet, paginationOf } from './testing/http';
import { signInWithPassword } from './testing/signIn';

type Item = Record<string, unknown> & { id: string };
type Validation = { type: string; title: string; status: number; traceId: string; errors: Record<string, string[]> };

let emulator: Emulator;
let token: string;
let phasePath: string;

beforeAll(async () => {
  emulator = await startEmulator({ objectInstances: 2_500 });
  token = (await signInWithPassword(emulator, 'anna@demo-bimlink.nl')).accessToken;
  phasePath = `/domainaccounts/${emulator.ids.demoVastgoed}/projectphases/${emulator.ids.gebouwBDefinitiefOntwerp}`;
});
afterAll(() => emulator.close());

const get = <T = Item[]>(path: string) => apiGet<T>(emulator, path, token);

describe('pagination', () => {
  it('uses limit 100 and offset 0 when absent, and reports the total', async () => {
    const { status, body, headers } = await get(`${phasePath}/objectinstances`);
    expect(status).toBe(200);
    expect(body).toHaveLength(100);
    expect(paginationOf(headers)).toEqual({ limit: 100, offset: 0, total: 2_500 });
  });

  it('serves consecutive pages that add up to the whole collection, without duplicates', async () => {
    const ids: string[] = [];
    let offset = 0;
    for (;;) {
      const { body, headers } = await get(`${phasePath}/documents?limit=37&offset=${offset}`);
      expect(paginationOf(headers)).toMatchObject({ limit: 37, offset });
      ids.push(...body.map((d) => d.id));
      if (body.length < 37) break;
      offset += 37;
    }
    const { body: all, headers } = await get(`${phasePath}/documents?limit=500`);
    expect(paginationOf(headers).total).toBe(all.length);
    expect(ids).toEqual(all.map((d) => d.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('returns a short last page and an empty page past the end, with correct headers', async () => {
    const last = await get(`${phasePath}/objectinstances?limit=100&offset=2493`);
    expect(last.body).toHaveLength(7);
    expect(paginationOf(last.headers)).toEqual({ limit: 100, offset: 2493, total: 2500 });
    for (const offset of [2500, 10_000]) {
      const past = await get(`${phasePath}/objectinstances?limit=100&offset=${offset}`);
      expect(past.status).toBe(200);
      expect(past.body).toEqual([]);
      expect(paginationOf(past.headers)).toEqual({ limit: 100, offset, total: 2500 });
    }
  });

  it('accepts the maximum limit of each collection', async () => {
    expect((await get(`${phasePath}/objectinstances?limit=1000`)).body).toHaveLength(1000);
    expect((await get(`${phasePath}/properties?limit=500`)).body).toHaveLength(500);
  });

  it.each([
    ['limit above the maximum', 'limit=1001', 'limit', 'The field limit must be between 1 and 1000.'],
    ['limit above the maximum of a 500 collection', 'limit=501', 'limit', 'The field limit must be between 1 and 500.', 'properties'],
    ['limit 0', 'limit=0', 'limit', 'The field limit must be between 1 and 1000.'],
    ['negative limit', 'limit=-5', 'limit', 'The field limit must be between 1 and 1000.'],
    ['non-numeric limit', 'limit=abc', 'limit', "The value 'abc' is not valid."],
    ['fractional limit', 'limit=1.5', 'limit', "The value '1.5' is not valid."],
    ['empty limit', 'limit=', 'limit', "The value '' is not valid."],
    ['negative offset', 'offset=-1', 'offset', 'The field offset must be between 0 and 2147483647.'],
    ['non-numeric offset', 'offset=ten', 'offset', "The value 'ten' is not valid."],
    ['offset beyond int32', 'offset=99999999999', 'offset', "The value '99999999999' is not valid."],
  ])('rejects %s with 400 ValidationProblemDetails', async (_label, query, field, message, collection = 'objectinstances') => {
    const { status, headers, body } = await get<Validation>(`${phasePath}/${collection}?${query}`);
    expect(status).toBe(400);
    expect(headers.get('content-type')).toContain('application/problem+json');
    expect(body).toMatchObject({ status: 400, title: 'One or more validation errors occurred.', type: expect.stringContaining('rfc9110') });
    expect(body.traceId).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/);
    expect(body.errors).toEqual({ [field]: [message] });
    expect(headers.has('Pagination-Result')).toBe(false);
  });

  it('reports both errors when limit and offset are bad', async () => {
    const { body } = await get<Validation>(`${phasePath}/spaces?limit=x&offset=y`);
    expect(Object.keys(body.errors).sort()).toEqual(['limit', 'offset']);
  });

  it('paginates the spatial structure too', async () => {
    const { body, headers } = await get(`${phasePath}/spatialstructureelements?limit=2&offset=1`);
    expect(body).toHaveLength(2);
    expect(paginationOf(headers)).toMatchObject({ limit: 2, offset: 1 });
    expect((await get(`${phasePath}/spatialstructureelements?limit=501`)).status).toBe(400);
  });
});
