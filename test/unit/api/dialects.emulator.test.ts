// The client against both dialects of the emulator (the guessed `bimlink` one, and `aspnet`: PascalCase, other
// nesting keys and collection names, upper-case GUIDs, no OpenAPI document, limits clamped to 250, no total on the
// last page). The same data must come out of both, read tolerantly and kept exactly as sent.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BimlinkClient } from '../../../src/core/api/client';
import { sameId } from '../../../src/core/api/ids';
import { entityIdOf } from '../../../src/core/api/readDto';
import { routes } from '../../../src/core/api/routes';
import { ExportFile } from '../../../src/vscode/documents/exportFile';
import { ANNA, clientFor, EmulatorTokens, startTestEmulator, type Emulator } from './support/emulatorSession';

let bimlink: Emulator;
let aspnet: Emulator;
let bimlinkClient: BimlinkClient;
let aspnetClient: BimlinkClient;
let aspnetToken: string;

beforeAll(async () => {
  [bimlink, aspnet] = await Promise.all([startTestEmulator(), startTestEmulator({ dialect: 'aspnet' })]);
  const [bimlinkTokens, aspnetTokens] = await Promise.all([EmulatorTokens.signIn(bimlink, ANNA), EmulatorTokens.signIn(aspnet, ANNA)]);
  bimlinkClient = clientFor(bimlink, bimlinkTokens);
  aspnetClient = clientFor(aspnet, aspnetTokens);
  aspnetToken = aspnetTokens.current;
});
afterAll(async () => {
  await Promise.all([bimlink?.close(), aspnet?.close()]);
});

const phase = (emulator: Emulator) => ({ domainAccountId: emulator.ids.demoVastgoed, projectPhaseId: emulator.ids.gebouwBDefinitiefOntwerp });
const apiRequests = (emulator: Emulator) => emulator.stats().requests.api;

/** The raw answer, as any client would see it. */
async function rawGet(emulator: Emulator, pathAndQuery: string): Promise<{ status: number; headers: Headers; text: string }> {
  const response = await fetch(`${emulator.url}${pathAndQuery}`, { headers: { authorization: `Bearer ${aspnetToken}` } });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

describe('navigation reads the same in both dialects', () => {
  it('domain accounts, locations, projects with their codes, phases with their codes and order', async () => {
    const summary = async (client: BimlinkClient) => {
      const accounts = await client.getDomainAccounts();
      const locations = await client.getLocations(accounts[0]!.id);
      return {
        accounts: accounts.map(a => [a.id.toLowerCase(), a.name]),
        projects: locations.flatMap(l => l.projects.map(p => [l.name, l.city, p.name, p.code, p.phases.map(f => [f.id.toLowerCase(), f.name, f.code, f.order])])),
      };
    };
    const [fromBimlink, fromAspnet] = await Promise.all([summary(bimlinkClient), summary(aspnetClient)]);
    expect(fromAspnet).toEqual(fromBimlink);
    expect(fromAspnet.projects.length).toBeGreaterThan(1);
    expect(fromAspnet.projects.find(p => p[2] === 'Nieuwbouw Gebouw B')![3]).toBe('P-2023-014');
    expect((fromAspnet.projects.find(p => p[2] === 'Nieuwbouw Gebouw B')![4] as unknown[]).length).toBe(5);
  });

  it('keeps the server\'s own keys and upper-case ids in the data beside what it read', async () => {
    const [location] = await aspnetClient.getLocations(aspnet.ids.demoVastgoed);
    expect(Object.keys(location!.data)).toEqual(['Id', 'Name', 'City', 'Projects']);
    expect(location!.id).toMatch(/^[0-9A-F-]{36}$/);
    expect(sameId(location!.id, location!.id.toLowerCase())).toBe(true);
  });

  it('the spatial structure: numeric element types, ParentId and elevations', async () => {
    const read = async (client: BimlinkClient, emulator: Emulator) => (await client.getSpatialStructure(phase(emulator)))
      .map(e => [e.id.toLowerCase(), e.parentId?.toLowerCase() ?? null, e.name, e.type, e.elevation ?? null]);
    const [fromBimlink, fromAspnet] = await Promise.all([read(bimlinkClient, bimlink), read(aspnetClient, aspnet)]);
    expect(fromAspnet).toEqual(fromBimlink);
    expect(fromAspnet.filter(e => e[3] === 'Storey').length).toBeGreaterThan(2);
  });
});

describe('collections under other names', () => {
  it('without an OpenAPI document, tries the plausible names and remembers the first that answers', async () => {
    const client = clientFor(aspnet, { getAccessToken: async () => aspnetToken, refreshAccessToken: async () => aspnetToken });
    const collections = await client.discoverCollections();
    expect(collections.every(c => c.source === 'builtin')).toBe(true);
    const objects = collections.find(c => c.name === 'objectinstances')!;
    const first = await client.resolveCollection(phase(aspnet), objects);
    expect(first).toEqual({ path: 'objects', attempts: [{ path: 'objectinstances', outcome: 404 }, { path: 'objects', outcome: 200 }] });
    const before = apiRequests(aspnet);
    expect((await client.resolveCollection({ ...phase(aspnet), projectPhaseId: aspnet.ids.grootModel }, objects)).path).toBe('objects');
    expect(apiRequests(aspnet)).toBe(before); // remembered for the server, not per phase
    expect((await client.resolveCollection(phase(aspnet), collections.find(c => c.name === 'spaces')!)).path).toBe('rooms');
  });

  it('a collection the server has under no plausible name says what was asked and what came back', async () => {
    const client = clientFor(aspnet, { getAccessToken: async () => aspnetToken, refreshAccessToken: async () => aspnetToken });
    const error = await client.getEntityPage({ ...phase(aspnet), collection: 'clashes' }, { offset: 0 }).catch(e => e);
    expect(error.kind).toBe('not-found');
    expect(error.message).toContain(`GET ${routes.phaseCollection(aspnet.ids.demoVastgoed, aspnet.ids.gebouwBDefinitiefOntwerp, 'clashes')} answered 404 Not Found`);
    expect(error.message).toContain('bimlink.collections');
    expect(error.message).not.toMatch(/refresh/i);
    const renamed = clientFor(aspnet, { getAccessToken: async () => aspnetToken, refreshAccessToken: async () => aspnetToken },
      { collections: { objectinstances: 'rooms' } });
    const page = await renamed.getEntityPage({ ...phase(aspnet), collection: 'objectinstances' }, { offset: 0, limit: 1 });
    expect(Object.keys(page.items[0]!)).toContain('Area'); // the setting's path, not a probe
  });
});

describe('pages and exports as sent', () => {
  it('an export holds every entity exactly as the server sent it: same keys, order and values, byte for byte', async () => {
    const storey = (await aspnetClient.getSpatialStructure(phase(aspnet))).find(e => e.type === 'Storey')!;
    const folder = mkdtempSync(path.join(tmpdir(), 'bimlink-export-'));
    try {
      const target = path.join(folder, 'objects.ndjson');
      const file = new ExportFile(target, 'ndjson');
      const limits: number[] = [];
      for await (const page of aspnetClient.entityPages({ ...phase(aspnet), collection: 'objectinstances', storeyId: storey.id }, { limit: 1000 })) {
        limits.push(page.limit);
        await file.add(page.items);
      }
      const count = await file.complete();
      expect(limits.every(l => l === 250)).toBe(true); // asked 1000, followed the server's Pagination-Limit
      expect(count).toBeGreaterThan(250);

      let expected = '';
      for (let offset = 0; offset < count; offset += 250) {
        const raw = await rawGet(aspnet, `${routes.phaseCollection(aspnet.ids.demoVastgoed, aspnet.ids.gebouwBDefinitiefOntwerp, 'objects')}?limit=250&offset=${offset}&spatialStructureElementId=${storey.id}`);
        expect(raw.status).toBe(200);
        for (const item of JSON.parse(raw.text) as unknown[]) expect(raw.text).toContain(JSON.stringify(item));
        expected += (JSON.parse(raw.text) as unknown[]).map(item => `${JSON.stringify(item)}\n`).join('');
      }
      const exported = readFileSync(target, 'utf8');
      expect(exported).toBe(expected);
      expect(Object.keys(JSON.parse(exported.split('\n')[0]!))[0]).toBe('Id');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('a full last page without a total: one probe proves it is the last; a total learned earlier makes the probe needless', async () => {
    const scope = { ...phase(aspnet), collection: 'objectinstances' };
    const first = await aspnetClient.getEntityPage(scope, { offset: 0, limit: 100 });
    const total = first.total!;
    expect(total).toBeGreaterThan(200);
    const lastOffset = total - 100; // a full page that ends the collection: aspnet sends no Pagination-Result on it

    let before = apiRequests(aspnet);
    const probed = await aspnetClient.getEntityPage(scope, { offset: lastOffset, limit: 100 });
    expect(probed).toMatchObject({ offset: lastOffset, limit: 100, total });
    expect(probed.items).toHaveLength(100);
    expect(apiRequests(aspnet) - before).toBe(2); // the page and one probe

    before = apiRequests(aspnet);
    const known = await aspnetClient.getEntityPage(scope, { offset: lastOffset, limit: 100, knownTotal: total });
    expect(known.total).toBe(total);
    expect(apiRequests(aspnet) - before).toBe(1);

    const middle = await aspnetClient.getEntityPage(scope, { offset: lastOffset - 100, limit: 100 });
    expect(middle.total).toBe(total); // sent while more follow
  });

  it('a full page with more after it and no total stays open-ended (the probe found more)', async () => {
    aspnet.faults.set({ paginationHeaders: 'missing' });
    try {
      const page = await aspnetClient.getEntityPage({ ...phase(aspnet), collection: 'objectinstances' }, { offset: 0, limit: 100 });
      expect(page.items).toHaveLength(100);
      expect(page.total).toBeUndefined();
    } finally {
      aspnet.faults.reset();
    }
  });

  it('reads a whole collection once, in order, although the server clamps the page size', async () => {
    const ids: string[] = [];
    for await (const page of aspnetClient.entityPages({ ...phase(aspnet), collection: 'objectinstances' }, { limit: 1000 })) {
      ids.push(...page.items.map(entityIdOf));
    }
    expect(ids).toHaveLength(aspnet.sizes.objectInstances);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
