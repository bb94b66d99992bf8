// The client against the real emulator over HTTP: every endpoint of the route table, per-user visibility,
// pagination, collection discovery, and the 400/403/404 errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHASE_ROUTES } from '../../emulator/index';
import { BimlinkClient } from '../../../src/core/api/client';
import { BUILTIN_COLLECTIONS } from '../../../src/core/api/collections';
import type { Entity } from '../../../src/core/api/dto';
import { ANNA, BRAM, clientFor, EmulatorTokens, startTestEmulator, type Emulator } from './support/emulatorSession';

let emulator: Emulator;
let anna: BimlinkClient;
let bram: BimlinkClient;
let annaToken: string;

beforeAll(async () => {
  emulator = await startTestEmulator();
  const [annaTokens, bramTokens] = await Promise.all([EmulatorTokens.signIn(emulator, ANNA), EmulatorTokens.signIn(emulator, BRAM)]);
  annaToken = annaTokens.current;
  anna = clientFor(emulator, annaTokens);
  bram = clientFor(emulator, bramTokens);
});
afterAll(() => emulator?.close());

const phase = () => ({ domainAccountId: emulator.ids.demoVastgoed, projectPhaseId: emulator.ids.gebouwBDefinitiefOntwerp });
const instances = () => ({ ...phase(), collection: 'objectinstances' });

describe('navigation', () => {
  it('lists the domain accounts each user may see', async () => {
    const accounts = await anna.getDomainAccounts();
    expect(accounts.map(a => a.name)).toEqual(['Demo Vastgoed BV', 'Woonstichting De Linde']);
    expect(accounts.every(a => typeof a.id === 'string' && a.id.length > 0)).toBe(true);
    expect((await bram.getDomainAccounts()).map(a => a.name)).toEqual(['Demo Vastgoed BV']);
  });

  it('reads locations → projects → ordered phases', async () => {
    const locations = await anna.getLocations(emulator.ids.demoVastgoed);
    const campus = locations.find(l => l.name === 'Campus Noord, Utrecht')!;
    expect(campus.city).toBe('Utrecht');
    const gebouwB = campus.projects.find(p => p.name === 'Nieuwbouw Gebouw B')!;
    expect(gebouwB.code).toBe('P-2023-014');
    expect(gebouwB.phases.map(p => p.code)).toEqual(['SO', 'VO', 'DO', 'UITV', 'BEH']);
    expect(gebouwB.phases.map(p => p.order)).toEqual([1, 2, 3, 4, 5]);
    // Bram sees only the phases of his teams
    const bramGebouwB = (await bram.getLocations(emulator.ids.demoVastgoed)).flatMap(l => l.projects).find(p => p.name === 'Nieuwbouw Gebouw B')!;
    expect(bramGebouwB.phases.map(p => p.code)).toEqual(['DO', 'UITV']);
  });

  it('reads the whole flat spatial structure, parents before children', async () => {
    const elements = await anna.getSpatialStructure(phase());
    expect(elements.length).toBeGreaterThan(3);
    const ids = new Set(elements.map(e => e.id));
    expect(ids.size).toBe(elements.length);
    for (const e of elements) {
      expect(['Plot', 'Building', 'BuildingPart', 'Storey']).toContain(e.type);
      if (e.parentId) expect(ids.has(e.parentId)).toBe(true);
    }
    const storeys = elements.filter(e => e.type === 'Storey');
    expect(storeys.length).toBeGreaterThan(0);
    expect(storeys.every(s => typeof s.elevation === 'number')).toBe(true);
  });
});

describe('BIM collections', () => {
  it('discovers the phase collections from the OpenAPI document', async () => {
    const found = await anna.discoverCollections();
    const expected = PHASE_ROUTES.filter(r => r.name !== 'spatialstructureelements');
    expect(found.map(c => c.name)).toEqual(expected.map(r => r.name));
    for (const route of expected) {
      const info = found.find(c => c.name === route.name)!;
      expect(info.maxLimit).toBe(route.limits.maxLimit);
      expect(info.storeyFilter).toBe(route.storeyFilter);
      expect(info.paths).toEqual([route.name]);
      expect(info.source).toBe('openapi');
    }
  });

  it('falls back to the built-in list when the document is missing', async () => {
    const noDocument = new BimlinkClient({ baseUrl: `${emulator.url}/nowhere`, fetch: globalThis.fetch });
    expect((await noDocument.discoverCollections()).map(c => c.name)).toEqual(BUILTIN_COLLECTIONS.map(c => c.name));
  });

  it('reads every entity of a collection once, in order, with the total', async () => {
    const seen: Entity[] = [];
    const pages = [];
    for await (const page of anna.entityPages(instances(), { limit: 1000 })) {
      pages.push({ offset: page.offset, count: page.items.length, total: page.total });
      seen.push(...page.items);
    }
    expect(pages).toEqual([
      { offset: 0, count: 1000, total: 2500 },
      { offset: 1000, count: 1000, total: 2500 },
      { offset: 2000, count: 500, total: 2500 },
    ]);
    expect(new Set(seen.map(e => e.id)).size).toBe(2500);
    expect(seen[0]).toMatchObject({ ifcType: expect.any(String), globalId: expect.stringMatching(/^[0-9A-Za-z_$]{22}$/) });
  });

  it('reads one page, and one entity by id', async () => {
    const page = await anna.getEntityPage(instances(), { offset: 10, limit: 5 });
    expect(page).toMatchObject({ offset: 10, limit: 5, total: 2500 });
    expect(page.items.length).toBe(5);
    const entity = await anna.getEntity(instances(), page.items[2]!.id as string);
    expect(entity).toEqual(page.items[2]);
  });

  it('filters by storey', async () => {
    const storey = (await anna.getSpatialStructure(phase())).find(e => e.type === 'Storey')!;
    const page = await anna.getEntityPage({ ...instances(), storeyId: storey.id }, { offset: 0, limit: 1000 });
    expect(page.total).toBeGreaterThan(0);
    expect(page.total).toBeLessThan(2500);
    expect(page.items.every(e => e.spatialStructureElementId === storey.id)).toBe(true);
  });
});

describe('errors the server sends', () => {
  it('403: a phase the user may not see', async () => {
    const scope = { domainAccountId: emulator.ids.demoVastgoed, projectPhaseId: emulator.ids.gebouwBSchetsontwerp, collection: 'objectinstances' };
    const error = await bram.getEntityPage(scope, { offset: 0 }).catch(e => e);
    expect(error.kind).toBe('forbidden');
    expect(error.status).toBe(403);
    expect(error.message).toContain(`GET /domainaccounts/${emulator.ids.demoVastgoed}/projectphases/${emulator.ids.gebouwBSchetsontwerp}/objectinstances`);
    expect(error.message).toMatch(/no access/i);
    // Anna may
    expect((await anna.getEntityPage(scope, { offset: 0, limit: 1 })).items.length).toBe(1);
  });

  it('404: an unknown entity or phase', async () => {
    const missing = await anna.getEntity(instances(), '00000000-0000-4000-8000-000000000000').catch(e => e);
    expect(missing.kind).toBe('not-found');
    expect(missing.message).toContain('/objectinstances/00000000-0000-4000-8000-000000000000');
    const noPhase = await anna.getEntityPage({ ...instances(), projectPhaseId: 'no-such-phase' }, { offset: 0 }).catch(e => e);
    expect(noPhase.kind).toBe('not-found');
    expect(noPhase.message).toMatch(/answered 404 Not Found \(.*no-such-phase.*not found/i);
    expect(noPhase.kind).toBe('not-found');
  });

  it('400: a page size above the collection maximum, with the field error, and no query in the message', async () => {
    const error = await anna.getEntityPage({ ...phase(), collection: 'materials' }, { offset: 0, limit: 501 }).catch(e => e);
    expect(error.kind).toBe('bad-request');
    expect(error.status).toBe(400);
    expect(Object.keys(error.fieldErrors)).toEqual(['limit']);
    expect(error.message).toContain('limit');
    expect(error.message).not.toContain('?');
    expect(error.message).not.toContain(annaToken);
  });

  it('401 without credentials, with the reason from the server', async () => {
    const anonymous = new BimlinkClient({ baseUrl: emulator.url, fetch: globalThis.fetch });
    const error = await anonymous.getDomainAccounts().catch(e => e);
    expect(error.kind).toBe('unauthorized');
    const forged = clientFor(emulator, { getAccessToken: async () => 'not-a-jwt', refreshAccessToken: async () => { throw new Error('cannot'); } });
    const bad = await forged.getDomainAccounts().catch(e => e);
    expect(bad.kind).toBe('unauthorized');
    expect(bad.reason).toMatch(/malformed/i);
    expect(bad.message).not.toContain('not-a-jwt');
  });
});
