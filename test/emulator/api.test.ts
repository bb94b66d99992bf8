// Every route of the route table, over real HTTP, as Anna (who sees everything).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from './index';
import { PHASE_ROUTES } from './routes';
import { apiGet, paginationOf } from './testing/http';
import { signInWithPassword } from './testing/signIn';

type Item = Record<string, unknown> & { id: string };
type Phase = { id: string; name: string; code: string; order: number };
type Location = { id: string; name: string; city: string; projects: { id: string; name: string; number: string; phases: Phase[] }[] };
type SpatialElement = { id: string; parentId: string | null; name: string; type: string; elevation: number | null; aliases: string[] | null };

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

describe('navigation', () => {
  it('GET /domainaccounts lists the user\'s domain accounts', async () => {
    const { status, body, headers } = await get<{ id: string; name: string }[]>('/domainaccounts');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toContain('application/json');
    expect(body).toEqual([
      { id: emulator.ids.demoVastgoed, name: 'Demo Vastgoed BV' },
      { id: emulator.ids.deLinde, name: 'Woonstichting De Linde' },
    ]);
  });

  it('GET /domainaccounts/{id}/locations returns locations → projects → ordered phases', async () => {
    const { status, body } = await get<Location[]>(`/domainaccounts/${emulator.ids.demoVastgoed}/locations`);
    expect(status).toBe(200);
    expect(body.map((l) => l.name)).toEqual(['Campus Noord, Utrecht', 'Zorgpark Oost, Amersfoort']);
    expect(body[0]!.city).toBe('Utrecht');
    const gebouwB = body[0]!.projects.find((p) => p.name === 'Nieuwbouw Gebouw B')!;
    expect(gebouwB.number).toBe('P-2023-014');
    expect(gebouwB.phases.map((p) => p.code)).toEqual(['SO', 'VO', 'DO', 'UITV', 'BEH']);
    expect(gebouwB.phases.map((p) => p.order)).toEqual([1, 2, 3, 4, 5]);
    expect(gebouwB.phases[2]).toEqual({ id: emulator.ids.gebouwBDefinitiefOntwerp, name: 'Definitief ontwerp', code: 'DO', order: 3 });
    const groot = body[1]!.projects[0]!.phases.find((p) => p.name === 'Groot model');
    expect(groot?.id).toBe(emulator.ids.grootModel);
  });

  it('routes are case-insensitive, like ASP.NET', async () => {
    expect((await get('/DomainAccounts')).status).toBe(200);
  });

  it('answers unknown paths with 404 ProblemDetails', async () => {
    const { status, headers, body } = await get<{ status: number }>('/nope');
    expect(status).toBe(404);
    expect(headers.get('content-type')).toContain('application/problem+json');
    expect(body.status).toBe(404);
  });
});

describe('spatial structure', () => {
  it('is flat: plot, buildings, building parts, storeys; parents listed first', async () => {
    const { status, body, headers } = await get<SpatialElement[]>(`${phasePath}/spatialstructureelements`);
    expect(status).toBe(200);
    expect(paginationOf(headers).total).toBe(body.length);
    const rank = { Plot: 0, Building: 1, BuildingPart: 2, Storey: 3 } as Record<string, number>;
    const ranks = body.map((e) => rank[e.type]);
    expect(ranks).toEqual([...ranks].sort());
    expect(body.filter((e) => e.parentId === null).map((e) => e.type)).toEqual(['Plot']);
    const seen = new Set<string>();
    for (const element of body) {
      if (element.parentId !== null) expect(seen.has(element.parentId)).toBe(true);
      seen.add(element.id);
    }
    const storeys = body.filter((e) => e.type === 'Storey');
    expect(storeys.slice(0, 3).map((s) => [s.name, s.elevation])).toEqual([
      ['-01 Kelder', -3.2],
      ['00 Begane grond', 0],
      ['01 Eerste verdieping', 3.6],
    ]);
    expect(storeys.every((s) => Array.isArray(s.aliases) && s.aliases.length > 0)).toBe(true);
    expect(body.filter((e) => e.type !== 'Storey').every((e) => e.elevation === null && e.aliases === null)).toBe(true);
  });
});

describe.each(PHASE_ROUTES.filter((r) => r.item).map((r) => [r.name, r] as const))('%s', (_name, route) => {
  it('lists a page with exactly the DTO fields, and serves each item by id', async () => {
    const { status, body, headers } = await get(`${phasePath}/${route.name}?limit=5`);
    expect(status).toBe(200);
    expect(body).toHaveLength(5);
    expect(paginationOf(headers)).toMatchObject({ limit: 5, offset: 0 });
    expect(paginationOf(headers).total).toBeGreaterThan(5);
    for (const item of body) {
      expect(Object.keys(item)).toEqual(route.dto.fields.map((f) => f.name));
      const single = await get<Item>(`${phasePath}/${route.name}/${item.id}`);
      expect(single.status).toBe(200);
      expect(single.body).toEqual(item);
    }
    expect(new Set(body.map((i) => i.id)).size).toBe(5);
  });

  it('answers 404 ProblemDetails for an unknown id', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-guid']) {
      const { status, headers } = await get(`${phasePath}/${route.name}/${id}`);
      expect(status).toBe(404);
      expect(headers.get('content-type')).toContain('application/problem+json');
    }
  });
});

describe('BIM data', () => {
  it('object instances carry an IFC class, a 22-character GlobalId, a storey and a type', async () => {
    const { body } = await get(`${phasePath}/objectinstances?limit=200`);
    const storeys = new Set((await get<SpatialElement[]>(`${phasePath}/spatialstructureelements`)).body.filter((e) => e.type === 'Storey').map((e) => e.id));
    for (const instance of body) {
      expect(instance['globalId']).toMatch(/^[0-3][0-9A-Za-z_$]{21}$/);
      expect(instance['ifcType']).toMatch(/^Ifc[A-Z]\w+$/);
      expect(storeys.has(String(instance['spatialStructureElementId']))).toBe(true);
    }
    expect(new Set(body.map((i) => i['ifcType']))).toContain('IfcWall');
    const type = await get<Item>(`${phasePath}/objecttypes/${String(body[0]!['objectTypeId'])}`);
    expect(type.status).toBe(200);
    expect(type.body['ifcType']).toBe(body[0]!['ifcType']);
  });

  it('has Dutch materials and IFC property sets', async () => {
    const materials = (await get(`${phasePath}/materials?limit=500`)).body.map((m) => m['name']);
    expect(materials).toEqual(expect.arrayContaining(['beton', 'kalkzandsteen', 'gipskarton', 'glas']));
    const total = paginationOf((await get(`${phasePath}/properties?limit=1`)).headers).total;
    const typeProperties = (await get(`${phasePath}/properties?limit=500&offset=${total - 300}`)).body;
    const wall = typeProperties.filter((p) => p['propertySet'] === 'Pset_WallCommon').map((p) => p['name']);
    expect(new Set(wall)).toEqual(new Set(['FireRating', 'IsExternal', 'LoadBearing']));
  });

  it('serves the same data on every request (deterministic)', async () => {
    const a = await get(`${phasePath}/todos?limit=50&offset=20`);
    const b = await get(`${phasePath}/todos?limit=50&offset=20`);
    expect(a.text).toBe(b.text);
  });
});

describe('storey filter (spatialStructureElementId)', () => {
  it('narrows storey-linked collections to a storey, a building part or the plot', async () => {
    const elements = (await get<SpatialElement[]>(`${phasePath}/spatialstructureelements`)).body;
    const storeys = elements.filter((e) => e.type === 'Storey');
    for (const route of PHASE_ROUTES.filter((r) => r.storeyFilter)) {
      let sum = 0;
      for (const storey of storeys) {
        const { status, body, headers } = await get(`${phasePath}/${route.name}?limit=500&spatialStructureElementId=${storey.id}`);
        expect(status).toBe(200);
        const total = paginationOf(headers).total;
        sum += total;
        if (route.name === 'objectinstances' || route.name === 'spaces') {
          expect(body.length).toBe(Math.min(total, 500));
          expect(body.every((i) => i['spatialStructureElementId'] === storey.id)).toBe(true);
        }
      }
      const all = paginationOf((await get(`${phasePath}/${route.name}?limit=1`)).headers).total;
      const plot = elements.find((e) => e.type === 'Plot')!;
      const onPlot = paginationOf((await get(`${phasePath}/${route.name}?limit=1&spatialStructureElementId=${plot.id}`)).headers).total;
      expect(onPlot, route.name).toBe(sum);
      expect(sum, route.name).toBeLessThanOrEqual(all);
      if (route.name === 'objectinstances') expect(sum).toBe(all);
    }
    const part = elements.find((e) => e.type === 'BuildingPart')!;
    const partStoreys = storeys.filter((s) => s.parentId === part.id).map((s) => s.id);
    const inPart = await get(`${phasePath}/objectinstances?limit=1000&spatialStructureElementId=${part.id}`);
    expect(inPart.body.every((i) => partStoreys.includes(String(i['spatialStructureElementId'])))).toBe(true);
  });

  it('rejects an element that is not in the phase with 400', async () => {
    const { status, body } = await get<{ errors: Record<string, string[]> }>(`${phasePath}/objectinstances?spatialStructureElementId=00000000-0000-4000-8000-000000000000`);
    expect(status).toBe(400);
    expect(Object.keys(body.errors)).toEqual(['spatialStructureElementId']);
  });
});

describe('CORS', () => {
  it('answers preflight requests and exposes the pagination headers', async () => {
    const preflight = await fetch(`${emulator.url}${phasePath}/objectinstances`, {
      method: 'OPTIONS',
      headers: { origin: 'https://vscode.dev', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://vscode.dev');
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    const { headers } = await apiGet(emulator, `${phasePath}/objectinstances?limit=1`, token, { origin: 'https://vscode.dev' });
    expect(headers.get('access-control-allow-origin')).toBe('https://vscode.dev');
    const exposed = headers.get('access-control-expose-headers')!.split(',').map((h) => h.trim().toLowerCase());
    expect(exposed).toEqual(expect.arrayContaining(['pagination-limit', 'pagination-offset', 'pagination-result']));
  });
});
