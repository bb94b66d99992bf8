// A phase of 1,000,000 object instances: any page is computed from its index, so the last
// page is as quick as the first and memory stays flat.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from './index';
import { apiGet, paginationOf } from './testing/http';
import { signInWithPassword } from './testing/signIn';

type Instance = { id: string; globalId: string; spatialStructureElementId: string; tag: string };
type Element = { id: string; type: string };

const SIZE = 1_000_000;
let emulator: Emulator;
let token: string;
let phasePath: string;

beforeAll(async () => {
  emulator = await startEmulator({ largePhaseObjectInstances: SIZE });
  token = (await signInWithPassword(emulator, 'anna@demo-bimlink.nl')).accessToken;
  phasePath = `/domainaccounts/${emulator.ids.demoVastgoed}/projectphases/${emulator.ids.grootModel}`;
});
afterAll(() => emulator.close());

describe('"Groot model" with 1,000,000 object instances', () => {
  it('serves the last full page correctly and quickly', async () => {
    const start = performance.now();
    const { status, body, headers } = await apiGet<Instance[]>(emulator, `${phasePath}/objectinstances?limit=1000&offset=${SIZE - 1000}`, token);
    const elapsed = performance.now() - start;
    expect(status).toBe(200);
    expect(paginationOf(headers)).toEqual({ limit: 1000, offset: SIZE - 1000, total: SIZE });
    expect(body).toHaveLength(1000);
    expect(new Set(body.map((i) => i.id)).size).toBe(1000);
    expect(new Set(body.map((i) => i.globalId)).size).toBe(1000);
    expect(elapsed).toBeLessThan(1500);

    const last = body[999]!;
    const single = await apiGet<Instance>(emulator, `${phasePath}/objectinstances/${last.id}`, token);
    expect(single.body).toEqual(last);
    expect((await apiGet<Instance[]>(emulator, `${phasePath}/objectinstances?limit=1&offset=${SIZE - 1}`, token)).body).toEqual([last]);
    expect((await apiGet<Instance[]>(emulator, `${phasePath}/objectinstances?limit=10&offset=${SIZE}`, token)).body).toEqual([]);
  });

  it('serves the last page of one storey with computable totals', async () => {
    const elements = (await apiGet<Element[]>(emulator, `${phasePath}/spatialstructureelements?limit=500`, token)).body;
    const storeys = elements.filter((e) => e.type === 'Storey');
    const k = 5;
    const expectedTotal = Math.floor((SIZE - 1 - k) / storeys.length) + 1;
    const filter = `spatialStructureElementId=${storeys[k]!.id}`;
    const first = await apiGet<Instance[]>(emulator, `${phasePath}/objectinstances?limit=1&${filter}`, token);
    expect(paginationOf(first.headers).total).toBe(expectedTotal);
    const { body } = await apiGet<Instance[]>(emulator, `${phasePath}/objectinstances?limit=1000&offset=${expectedTotal - 3}&${filter}`, token);
    expect(body).toHaveLength(3);
    expect(body.every((i) => i.spatialStructureElementId === storeys[k]!.id)).toBe(true);
    // The filtered list's last element is instance number k + (total - 1) × storeys.
    const direct = await apiGet<Instance[]>(emulator, `${phasePath}/objectinstances?limit=1&offset=${k + (expectedTotal - 1) * storeys.length}`, token);
    expect(direct.body[0]).toEqual(body[2]);
  });

  it('scales the other collections with it', async () => {
    for (const collection of ['properties', 'documents', 'todos', 'spaces']) {
      const { status, headers, body } = await apiGet<unknown[]>(emulator, `${phasePath}/${collection}?limit=500&offset=${200_000}`, token);
      expect(status, collection).toBe(200);
      expect(paginationOf(headers).total, collection).toBeGreaterThan(20_000);
      if (paginationOf(headers).total > 200_500) expect(body).toHaveLength(500);
    }
  });
});
