// The `aspnet` dialect: the same data as `bimlink`, spelled the ASP.NET Core + Newtonsoft way
// (dialects.ts). Each difference is checked against a `bimlink` emulator serving the same data.

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USAGE, UsageError, parseCliArgs } from './cliArgs';
import { startEmulator, type Emulator } from './index';
import { apiGet, paginationOf } from './testing/http';
import { signInWithPassword } from './testing/signIn';

type Item = Record<string, unknown>;
type AspItem = Item & { Id: string };
type BimItem = Item & { id: string };
type AspPhase = { Id: string; Name: string; Code: string; SortOrder: number };
type AspLocation = { Id: string; Name: string; City: string; Projects: { Id: string; Name: string; Code: string; ProjectPhases: AspPhase[] }[] };
type AspElement = { Id: string; ParentId: string | null; Name: string; ElementType: number; Elevation: number | null; Aliases: string[] | null };
type BimElement = { id: string; parentId: string | null; name: string; type: string };
type Problem = { type: string; title: string; status: number; traceId: string; errors?: Record<string, string[]> };

const UPPER_GUID = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;

/** bimlink collection name → aspnet collection name (written out here, not read from dialects.ts). */
const COLLECTIONS: Record<string, string> = {
  spatialstructureelements: 'spatialstructureelements',
  objectinstances: 'objects',
  objecttypes: 'objecttypes',
  properties: 'properties',
  materials: 'materials',
  spaces: 'rooms',
  documents: 'documents',
  todos: 'todos',
};

/** The keys every aspnet collection item has, in order. */
const KEYS: Record<string, string[]> = {
  spatialstructureelements: ['Id', 'ParentId', 'Name', 'ElementType', 'Elevation', 'Aliases'],
  objects: ['Id', 'Name', 'IfcType', 'GlobalId', 'SpatialStructureElementId', 'ObjectTypeId', 'Tag'],
  objecttypes: ['Id', 'Name', 'IfcType', 'PredefinedType', 'MaterialIds'],
  properties: ['Id', 'ObjectTypeId', 'ObjectInstanceId', 'PropertySet', 'Name', 'Value', 'DataType', 'Unit'],
  materials: ['Id', 'Name', 'Category'],
  rooms: ['Id', 'Name', 'Number', 'SpatialStructureElementId', 'Area', 'Volume'],
  documents: ['Id', 'Name', 'FileName', 'ContentType', 'Size', 'ObjectInstanceId', 'ObjectTypeId', 'CreatedAt'],
  todos: ['Id', 'Title', 'Description', 'Status', 'Assignee', 'DueDate', 'ObjectInstanceId', 'CreatedAt'],
};

let asp: Emulator;
let bim: Emulator;
let aspToken: string;
let bimToken: string;
let phasePath: string;

beforeAll(async () => {
  [asp, bim] = await Promise.all([startEmulator({ dialect: 'aspnet' }), startEmulator()]);
  [aspToken, bimToken] = await Promise.all([
    signInWithPassword(asp, 'anna@demo-bimlink.nl').then((t) => t.accessToken),
    signInWithPassword(bim, 'anna@demo-bimlink.nl').then((t) => t.accessToken),
  ]);
  // Lowercase ids (as the emulator's `ids` are) address both dialects.
  phasePath = `/domainaccounts/${asp.ids.demoVastgoed}/projectphases/${asp.ids.gebouwBDefinitiefOntwerp}`;
});
afterAll(() => Promise.all([asp?.close(), bim?.close()]));

const aspGet = <T = AspItem[]>(path: string) => apiGet<T>(asp, path, aspToken);
const bimGet = <T = BimItem[]>(path: string) => apiGet<T>(bim, path, bimToken);
const storeysOf = async (): Promise<AspElement[]> =>
  (await aspGet<AspElement[]>(`${phasePath}/spatialstructureelements?limit=250`)).body.filter((e) => e.ElementType === 3);

describe('selecting a dialect', () => {
  it('is bimlink by default and aspnet on request; the Emulator object and /__admin say which', async () => {
    expect(bim.dialect).toBe('bimlink');
    expect(asp.dialect).toBe('aspnet');
    expect(((await (await fetch(`${asp.url}/__admin`)).json()) as { dialect: string }).dialect).toBe('aspnet');
    expect(((await (await fetch(`${bim.url}/__admin`)).json()) as { dialect: string }).dialect).toBe('bimlink');
  });

  it('refuses an unknown dialect with a RangeError naming the accepted ones', async () => {
    await expect(startEmulator({ dialect: 'swagger' as never })).rejects.toThrow(RangeError);
    await expect(startEmulator({ dialect: 'swagger' as never })).rejects.toThrow(/'bimlink', 'aspnet', got 'swagger'/);
  });
});

describe('aspnet JSON', () => {
  it('spells domain accounts with PascalCase keys and upper-case GUIDs', async () => {
    const { status, body } = await aspGet<{ Id: string; Name: string }[]>('/domainaccounts');
    expect(status).toBe(200);
    expect(body).toEqual([
      { Id: asp.ids.demoVastgoed.toUpperCase(), Name: 'Demo Vastgoed BV' },
      { Id: asp.ids.deLinde.toUpperCase(), Name: 'Woonstichting De Linde' },
    ]);
  });

  it('nests locations → Projects (Code) → ProjectPhases (Code, SortOrder)', async () => {
    const { status, body } = await aspGet<AspLocation[]>(`/domainaccounts/${asp.ids.demoVastgoed}/locations`);
    expect(status).toBe(200);
    expect(body.map((l) => Object.keys(l))).toEqual([['Id', 'Name', 'City', 'Projects'], ['Id', 'Name', 'City', 'Projects']]);
    expect(body.map((l) => l.Name)).toEqual(['Campus Noord, Utrecht', 'Zorgpark Oost, Amersfoort']);
    expect(body[0]!.City).toBe('Utrecht');
    const gebouwB = body[0]!.Projects.find((p) => p.Name === 'Nieuwbouw Gebouw B')!;
    expect(Object.keys(gebouwB)).toEqual(['Id', 'Name', 'Code', 'ProjectPhases']);
    expect(gebouwB.Code).toBe('P-2023-014');
    expect(gebouwB.ProjectPhases.map((p) => p.Code)).toEqual(['SO', 'VO', 'DO', 'UITV', 'BEH']);
    expect(gebouwB.ProjectPhases.map((p) => p.SortOrder)).toEqual([1, 2, 3, 4, 5]);
    expect(gebouwB.ProjectPhases[2]).toEqual({ Id: asp.ids.gebouwBDefinitiefOntwerp.toUpperCase(), Name: 'Definitief ontwerp', Code: 'DO', SortOrder: 3 });
    const ids = body.flatMap((l) => [l.Id, ...l.Projects.flatMap((p) => [p.Id, ...p.ProjectPhases.map((ph) => ph.Id)])]);
    expect(ids.every((id) => UPPER_GUID.test(id))).toBe(true);
  });

  it('sends the spatial structure with ElementType as a number (Plot=0, Building=1, BuildingPart=2, Storey=3)', async () => {
    const { body } = await aspGet<AspElement[]>(`${phasePath}/spatialstructureelements`);
    const bimlink = (await bimGet<BimElement[]>(`${phasePath}/spatialstructureelements`)).body;
    const rank: Record<string, number> = { Plot: 0, Building: 1, BuildingPart: 2, Storey: 3 };
    expect(body.length).toBe(bimlink.length);
    expect(body.map((e) => e.ElementType)).toEqual(bimlink.map((e) => rank[e.type]));
    expect(new Set(body.map((e) => e.ElementType))).toEqual(new Set([0, 1, 2, 3]));
    expect(body[0]).toMatchObject({ ElementType: 0, ParentId: null });
    expect(body.map((e) => e.ParentId)).toEqual(bimlink.map((e) => e.parentId?.toUpperCase() ?? null));
    const storeys = body.filter((e) => e.ElementType === 3);
    expect(storeys.slice(0, 3).map((s) => [s.Name, s.Elevation])).toEqual([
      ['-01 Kelder', -3.2],
      ['00 Begane grond', 0],
      ['01 Eerste verdieping', 3.6],
    ]);
    expect(storeys.every((s) => Array.isArray(s.Aliases) && s.Aliases.length > 0)).toBe(true);
  });

  it.each(Object.entries(KEYS))('%s: exactly the PascalCase keys, on the list and on each item', async (collection, keys) => {
    const { status, body } = await aspGet(`${phasePath}/${collection}?limit=3`);
    expect(status).toBe(200);
    expect(body).toHaveLength(3);
    for (const item of body) {
      expect(Object.keys(item)).toEqual(keys);
      expect(item.Id).toMatch(UPPER_GUID);
      if (collection === 'spatialstructureelements') continue; // no single-item route
      const single = await aspGet<AspItem>(`${phasePath}/${collection}/${item.Id}`);
      expect(single.status).toBe(200);
      expect(single.body).toEqual(item);
    }
  });

  it('upper-cases every GUID, nested ones too, and nothing else', async () => {
    const objects = (await aspGet(`${phasePath}/objects?limit=20`)).body;
    const instances = (await bimGet(`${phasePath}/objectinstances?limit=20`)).body;
    expect(objects).toEqual(
      instances.map((o) => ({
        Id: o.id.toUpperCase(),
        Name: o['name'],
        IfcType: o['ifcType'],
        GlobalId: o['globalId'], // an IFC GlobalId is case-sensitive base-64, not a GUID
        SpatialStructureElementId: String(o['spatialStructureElementId']).toUpperCase(),
        ObjectTypeId: String(o['objectTypeId']).toUpperCase(),
        Tag: o['tag'],
      })),
    );
    expect(objects.some((o) => /[a-z]/.test(String(o['GlobalId'])))).toBe(true);

    const types = (await aspGet(`${phasePath}/objecttypes?limit=20`)).body;
    const bimTypes = (await bimGet(`${phasePath}/objecttypes?limit=20`)).body;
    expect(types.map((t) => t['MaterialIds'])).toEqual(bimTypes.map((t) => (t['materialIds'] as string[]).map((id) => id.toUpperCase())));
    expect(types.some((t) => (t['MaterialIds'] as string[]).length > 0)).toBe(true);

    const total = paginationOf((await bimGet(`${phasePath}/properties?limit=1`)).headers).total;
    const aspProps = (await aspGet(`${phasePath}/properties?limit=250&offset=${total - 250}`)).body;
    const bimProps = (await bimGet(`${phasePath}/properties?limit=250&offset=${total - 250}`)).body;
    expect(aspProps.map((p) => [p['ObjectTypeId'], p['ObjectInstanceId']])).toEqual(
      bimProps.map((p) => [(p['objectTypeId'] as string | null)?.toUpperCase() ?? null, (p['objectInstanceId'] as string | null)?.toUpperCase() ?? null]),
    );
    expect(aspProps.some((p) => typeof p['ObjectTypeId'] === 'string')).toBe(true);
  });
});

describe('aspnet paths', () => {
  it('serves object instances at objects and spaces at rooms; the bimlink names answer 404', async () => {
    const objects = await aspGet(`${phasePath}/objects?limit=5`);
    const rooms = await aspGet(`${phasePath}/rooms?limit=5`);
    expect([objects.status, rooms.status]).toEqual([200, 200]);
    expect(objects.body.map((o) => o.Id)).toEqual((await bimGet(`${phasePath}/objectinstances?limit=5`)).body.map((o) => o.id.toUpperCase()));
    expect(rooms.body.map((o) => o.Id)).toEqual((await bimGet(`${phasePath}/spaces?limit=5`)).body.map((o) => o.id.toUpperCase()));
    const objectId = objects.body[0]!.Id;
    for (const path of ['objectinstances', 'spaces', 'objectinstances?limit=5', `objectinstances/${objectId}`, `spaces/${rooms.body[0]!.Id}`]) {
      const { status, headers, body } = await aspGet<Problem>(`${phasePath}/${path}`);
      expect(status, path).toBe(404);
      expect(headers.get('content-type')).toContain('application/problem+json');
      expect(body.status).toBe(404);
    }
    // …and the other way round: bimlink has no `objects`.
    expect((await bimGet(`${phasePath}/objects`)).status).toBe(404);
  });

  it('has no OpenAPI document', async () => {
    expect((await fetch(`${asp.url}/swagger/v1/swagger.json`)).status).toBe(404);
    expect((await fetch(`${bim.url}/swagger/v1/swagger.json`)).status).toBe(200);
    expect(await (await fetch(`${asp.url}/`)).json()).not.toHaveProperty('openapi');
  });

  it('matches ids in paths case-insensitively, in both dialects', async () => {
    const upperPhasePath = `/domainaccounts/${asp.ids.demoVastgoed.toUpperCase()}/projectphases/${asp.ids.gebouwBDefinitiefOntwerp.toUpperCase()}`;
    const object = (await aspGet(`${phasePath}/objects?limit=1`)).body[0]!;
    for (const path of [`${upperPhasePath}/objects/${object.Id}`, `${phasePath}/objects/${object.Id.toLowerCase()}`, `${upperPhasePath}/objects/${object.Id.toLowerCase()}`]) {
      const { status, body } = await aspGet<AspItem>(path);
      expect(status, path).toBe(200);
      expect(body).toEqual(object);
    }
    expect((await aspGet(`/domainaccounts/${asp.ids.demoVastgoed.toUpperCase()}/locations`)).status).toBe(200);
    const material = (await aspGet(`${phasePath}/materials?limit=1`)).body[0]!;
    expect((await aspGet<AspItem>(`${phasePath}/materials/${material.Id.toLowerCase()}`)).body).toEqual(material);

    const instance = (await bimGet(`${phasePath}/objectinstances?limit=1`)).body[0]!;
    const bimUpper = await bimGet<BimItem>(`${upperPhasePath}/objectinstances/${instance.id.toUpperCase()}`);
    expect(bimUpper.status).toBe(200);
    expect(bimUpper.body).toEqual(instance);
    expect((await bimGet(`/domainaccounts/${bim.ids.demoVastgoed.toUpperCase()}/locations`)).status).toBe(200);
  });

  it('matches the storey filter case-insensitively, under any spelling of its name', async () => {
    const storey = (await storeysOf())[1]!;
    const totalFor = async (query: string): Promise<number> => {
      const { status, headers, body } = await aspGet(`${phasePath}/objects?limit=1&${query}`);
      expect(status, query).toBe(200);
      expect(body[0]!['SpatialStructureElementId'], query).toBe(storey.Id);
      return paginationOf(headers).total;
    };
    const expected = paginationOf((await bimGet(`${phasePath}/objectinstances?limit=1&spatialStructureElementId=${storey.Id.toLowerCase()}`)).headers).total;
    expect(expected).toBeGreaterThan(1);
    expect(await totalFor(`spatialStructureElementId=${storey.Id}`)).toBe(expected);
    expect(await totalFor(`spatialStructureElementId=${storey.Id.toLowerCase()}`)).toBe(expected);
    expect(await totalFor(`SpatialStructureElementId=${storey.Id}`)).toBe(expected);
    expect(await totalFor(`spatialstructureelementid=${storey.Id.toLowerCase()}`)).toBe(expected);
    // bimlink accepts an upper-case id too.
    expect(paginationOf((await bimGet(`${phasePath}/objectinstances?limit=1&spatialStructureElementId=${storey.Id}`)).headers).total).toBe(expected);
  });
});

describe('aspnet pagination', () => {
  it('binds Limit and Offset whatever their case (bimlink matches the names exactly)', async () => {
    for (const query of ['Limit=3&Offset=2', 'LIMIT=3&offset=2', 'limit=3&OFFSET=2']) {
      const { body, headers } = await aspGet(`${phasePath}/objects?${query}`);
      expect(body, query).toHaveLength(3);
      expect(paginationOf(headers), query).toMatchObject({ limit: 3, offset: 2 });
    }
    const bimlink = await bimGet(`${phasePath}/objectinstances?Limit=3`);
    expect(bimlink.body).toHaveLength(100);
  });

  it('keeps the default limit of 100', async () => {
    const { body, headers } = await aspGet(`${phasePath}/objects`);
    expect(body).toHaveLength(100);
    expect(paginationOf(headers)).toEqual({ limit: 100, offset: 0, total: 2_500 });
  });

  it('serves a limit above 250 as 250, in every collection, and says so in Pagination-Limit', async () => {
    for (const [query, collection] of [['limit=1000', 'objects'], ['limit=251', 'objects'], ['limit=500', 'properties'], ['limit=2147483647', 'documents']] as const) {
      const { status, body, headers } = await aspGet(`${phasePath}/${collection}?${query}`);
      expect(status, query).toBe(200);
      expect(body, query).toHaveLength(250);
      expect(headers.get('Pagination-Limit'), query).toBe('250');
    }
    // bimlink: 1000 is fine for object instances, 501 is a 400 for properties.
    expect((await bimGet(`${phasePath}/objectinstances?limit=1000`)).body).toHaveLength(1000);
    expect((await bimGet(`${phasePath}/properties?limit=501`)).status).toBe(400);
  });

  it.each([
    ['limit=0', 'limit', 'The field limit must be between 1 and 250.'],
    ['limit=-5', 'limit', 'The field limit must be between 1 and 250.'],
    ['Limit=abc', 'limit', "The value 'abc' is not valid."],
    ['limit=1.5', 'limit', "The value '1.5' is not valid."],
    ['offset=-1', 'offset', 'The field offset must be between 0 and 2147483647.'],
    ['limit=5&Limit=6', 'limit', "The value '5,6' is not valid."],
  ])('still answers %s with 400 ValidationProblemDetails, camelCase', async (query, field, message) => {
    const { status, headers, body } = await aspGet<Problem>(`${phasePath}/objects?${query}`);
    expect(status).toBe(400);
    expect(headers.get('content-type')).toContain('application/problem+json');
    expect(Object.keys(body).sort()).toEqual(['errors', 'status', 'title', 'traceId', 'type']);
    expect(body).toMatchObject({ status: 400, title: 'One or more validation errors occurred.' });
    expect(body.errors).toEqual({ [field]: [message] });
  });

  it('sends Pagination-Result only while objects follow the page', async () => {
    const page = async (offset: number, limit: number) => {
      const { body, headers } = await aspGet(`${phasePath}/objects?offset=${offset}&limit=${limit}`);
      return { count: body.length, limit: headers.get('Pagination-Limit'), offset: headers.get('Pagination-Offset'), total: headers.get('Pagination-Result') };
    };
    expect(await page(2300, 100)).toEqual({ count: 100, limit: '100', offset: '2300', total: '2500' });
    expect(await page(2400, 100)).toEqual({ count: 100, limit: '100', offset: '2400', total: null }); // a full last page
    expect(await page(2250, 1000)).toEqual({ count: 250, limit: '250', offset: '2250', total: null }); // full at the clamped limit
    expect(await page(2493, 100)).toEqual({ count: 7, limit: '100', offset: '2493', total: null });
    expect(await page(2500, 100)).toEqual({ count: 0, limit: '100', offset: '2500', total: null });
    expect(await page(10_000, 100)).toEqual({ count: 0, limit: '100', offset: '10000', total: null });
    // bimlink sends the total on the same full last page.
    expect((await bimGet(`${phasePath}/objectinstances?offset=2400&limit=100`)).headers.get('Pagination-Result')).toBe('2500');
  });

  it('lets a client page a storey to its end: the total on every page but the last, full, one', async () => {
    const storey = (await storeysOf())[0]!;
    const filter = `SpatialStructureElementId=${storey.Id}`;
    const total = paginationOf((await aspGet(`${phasePath}/objects?limit=1&${filter}`)).headers).total;
    // The largest page size below the total that divides it, so the last page is full.
    let size = Math.min(total - 1, 250);
    while (total % size !== 0) size--;
    expect(size).toBeGreaterThan(1);
    const seen: string[] = [];
    for (let offset = 0; offset < total; offset += size) {
      const { body, headers } = await aspGet(`${phasePath}/objects?limit=${size}&offset=${offset}&${filter}`);
      expect(body).toHaveLength(size);
      expect(headers.get('Pagination-Result'), `offset ${offset}`).toBe(offset + size < total ? String(total) : null);
      seen.push(...body.map((o) => o.Id));
    }
    expect(new Set(seen).size).toBe(total);
    const bimTotal = paginationOf((await bimGet(`${phasePath}/objectinstances?limit=1&spatialStructureElementId=${storey.Id}`)).headers).total;
    expect(total).toBe(bimTotal);
  });

  it('keeps the paginationHeaders faults working on top', async () => {
    try {
      asp.faults.set({ paginationHeaders: 'missing' });
      const missing = await aspGet(`${phasePath}/objects?limit=10`);
      expect(missing.body).toHaveLength(10);
      for (const name of ['Pagination-Limit', 'Pagination-Offset', 'Pagination-Result']) expect(missing.headers.has(name)).toBe(false);

      asp.faults.set({ paginationHeaders: 'lying' });
      const early = paginationOf((await aspGet(`${phasePath}/objects?limit=10&offset=20`)).headers);
      expect(early.total).toBeGreaterThan(2_500);
      expect(early.offset).not.toBe(20);
      const last = (await aspGet(`${phasePath}/objects?limit=100&offset=2400`)).headers;
      expect(last.get('Pagination-Offset')).not.toBe('2400');
      expect(last.has('Pagination-Result')).toBe(false);
    } finally {
      asp.faults.reset();
    }
  });

  it('serves the same number of objects as bimlink in every collection of a phase', async () => {
    const phases = [asp.ids.gebouwBDefinitiefOntwerp, asp.ids.gebouwBSchetsontwerp];
    for (const phaseId of phases) {
      const path = `/domainaccounts/${asp.ids.demoVastgoed}/projectphases/${phaseId}`;
      for (const [bimName, aspName] of Object.entries(COLLECTIONS)) {
        const label = `${phaseId} ${aspName}`;
        const total = paginationOf((await bimGet(`${path}/${bimName}?limit=1`)).headers).total;
        expect(total, label).toBeGreaterThan(1);
        expect(paginationOf((await aspGet(`${path}/${aspName}?limit=1`)).headers).total, label).toBe(total);
        // The end is where bimlink says: one object at total - 1, none at total.
        expect((await aspGet(`${path}/${aspName}?limit=1&offset=${total - 1}`)).body, label).toHaveLength(1);
        expect((await aspGet(`${path}/${aspName}?limit=1&offset=${total}`)).body, label).toHaveLength(0);
      }
    }
  });
});

describe('aspnet errors', () => {
  it('answers 401 with the Bearer challenge and an empty body', async () => {
    for (const authorization of [undefined, 'Bearer not-a-jwt']) {
      const response = await fetch(`${asp.url}${phasePath}/objects`, { headers: authorization ? { authorization } : {} });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(await response.text()).toBe('');
    }
    const malformed = await fetch(`${asp.url}${phasePath}/objects`, { headers: { authorization: 'Bearer a.b.c' } });
    expect(malformed.headers.get('www-authenticate')).toContain('error="invalid_token"');
  });

  it('answers 403 with the status only, for an account, a phase or a scope the token lacks', async () => {
    const bram = (await signInWithPassword(asp, 'bram@demo-bimlink.nl')).accessToken;
    const noScope = (await signInWithPassword(asp, 'anna@demo-bimlink.nl', { scope: 'openid email' })).accessToken;
    const cases: [string, string][] = [
      [bram, `/domainaccounts/${asp.ids.deLinde}/locations`],
      [bram, `/domainaccounts/${asp.ids.demoVastgoed}/projectphases/${asp.ids.gebouwBSchetsontwerp}/objects`],
      [bram, `/domainaccounts/${asp.ids.demoVastgoed}/projectphases/${asp.ids.gebouwBSchetsontwerp}/todos/00000000-0000-4000-8000-000000000000`],
      [noScope, '/domainaccounts'],
    ];
    for (const [token, path] of cases) {
      const { status, text, headers } = await apiGet(asp, path, token);
      expect(status, path).toBe(403);
      expect(text, path).toBe('');
      expect(headers.get('content-type'), path).toBeNull();
    }
    // The same in bimlink is ProblemDetails.
    const bimBram = (await signInWithPassword(bim, 'bram@demo-bimlink.nl')).accessToken;
    expect((await apiGet<Problem>(bim, `/domainaccounts/${bim.ids.deLinde}/locations`, bimBram)).body.status).toBe(403);
  });

  it('keeps 404 as camelCase ProblemDetails', async () => {
    for (const path of [`${phasePath}/objects/00000000-0000-4000-8000-000000000000`, `/domainaccounts/00000000-0000-4000-8000-000000000000/locations`]) {
      const { status, headers, body } = await aspGet<Problem>(path);
      expect(status, path).toBe(404);
      expect(headers.get('content-type')).toContain('application/problem+json');
      expect(body).toMatchObject({ status: 404, title: 'Not Found' });
      expect(body).not.toHaveProperty('Status');
    }
  });
});

describe('CLI --dialect', () => {
  it('parses --dialect aspnet, leaves the default alone, and refuses unknown names', () => {
    expect(parseCliArgs(['--dialect', 'aspnet'], {})).toMatchObject({ dialect: 'aspnet' });
    expect(parseCliArgs(['--dialect', 'bimlink'], {})).toMatchObject({ dialect: 'bimlink' });
    expect(parseCliArgs([], {})).not.toHaveProperty('dialect');
    expect(() => parseCliArgs(['--dialect', 'swagger'], {})).toThrow(UsageError);
    expect(() => parseCliArgs(['--dialect', 'swagger'], {})).toThrow("--dialect must be one of bimlink, aspnet, got 'swagger'");
    expect(() => parseCliArgs(['--dialect'], {})).toThrow(UsageError);
  });

  it('lists the flag and one line per dialect in --help', () => {
    expect(USAGE).toContain('--dialect <name>');
    expect(USAGE).toMatch(/^ {10,}bimlink {2,}the guessed API/m);
    expect(USAGE).toMatch(/^ {10,}aspnet {2,}ASP\.NET Core style/m);
  });

  it('starts in the aspnet dialect from the command line and prints it', async () => {
    const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', cli, '--dialect', 'aspnet', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PORT: '' } });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      for (let waited = 0; !stdout.includes('Press Ctrl-C to stop.'); waited += 50) {
        if (waited > 15_000 || child.exitCode !== null) throw new Error(`The CLI did not start:\n${stdout}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(stdout).toMatch(/Dialect\s+aspnet/);
      const url = /running at (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)![1]!;
      expect(((await (await fetch(`${url}/__admin`)).json()) as { dialect: string }).dialect).toBe('aspnet');
      expect((await fetch(`${url}/swagger/v1/swagger.json`)).status).toBe(404);
      child.kill('SIGINT');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
