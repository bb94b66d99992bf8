// Per-user data: Bram sees one domain account, one location, one project and two phases.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from './index';
import { apiGet } from './testing/http';
import { signInWithPassword } from './testing/signIn';

type Location = { id: string; name: string; projects: { name: string; phases: { id: string; code: string }[] }[] };

let emulator: Emulator;
let anna: string;
let bram: string;

beforeAll(async () => {
  emulator = await startEmulator();
  [anna, bram] = await Promise.all([
    signInWithPassword(emulator, 'anna@demo-bimlink.nl').then((t) => t.accessToken),
    signInWithPassword(emulator, 'bram@demo-bimlink.nl').then((t) => t.accessToken),
  ]);
});
afterAll(() => emulator.close());

const phase = (account: string, phaseId: string, rest = 'objectinstances?limit=1') => `/domainaccounts/${account}/projectphases/${phaseId}/${rest}`;

describe('per-user visibility', () => {
  it('gives Bram fewer domain accounts, locations, projects and phases than Anna', async () => {
    const annaAccounts = await apiGet<{ id: string }[]>(emulator, '/domainaccounts', anna);
    const bramAccounts = await apiGet<{ id: string }[]>(emulator, '/domainaccounts', bram);
    expect(annaAccounts.body).toHaveLength(2);
    expect(bramAccounts.body.map((a) => a.id)).toEqual([emulator.ids.demoVastgoed]);

    const annaLocations = (await apiGet<Location[]>(emulator, `/domainaccounts/${emulator.ids.demoVastgoed}/locations`, anna)).body;
    const bramLocations = (await apiGet<Location[]>(emulator, `/domainaccounts/${emulator.ids.demoVastgoed}/locations`, bram)).body;
    expect(annaLocations).toHaveLength(2);
    expect(bramLocations.map((l) => l.name)).toEqual(['Campus Noord, Utrecht']);
    expect(bramLocations[0]!.projects.map((p) => p.name)).toEqual(['Nieuwbouw Gebouw B']);
    expect(bramLocations[0]!.projects[0]!.phases.map((p) => p.code)).toEqual(['DO', 'UITV']);
  });

  it('answers 403 ProblemDetails for a domain account or phase the user cannot see', async () => {
    const cases = [
      `/domainaccounts/${emulator.ids.deLinde}/locations`,
      phase(emulator.ids.demoVastgoed, emulator.ids.gebouwBSchetsontwerp),
      phase(emulator.ids.demoVastgoed, emulator.ids.grootModel, 'spatialstructureelements'),
      phase(emulator.ids.deLinde, emulator.ids.gebouwBSchetsontwerp),
    ];
    for (const path of cases) {
      const { status, headers, body } = await apiGet<{ status: number; title: string }>(emulator, path, bram);
      expect(status, path).toBe(403);
      expect(headers.get('content-type')).toContain('application/problem+json');
      expect(body).toMatchObject({ status: 403, title: 'Forbidden' });
      expect((await apiGet(emulator, path, anna)).status, path).not.toBe(403);
    }
  });

  it('lets both users read a shared phase, with the same data', async () => {
    const path = phase(emulator.ids.demoVastgoed, emulator.ids.gebouwBDefinitiefOntwerp, 'objectinstances?limit=20');
    const a = await apiGet(emulator, path, anna);
    const b = await apiGet(emulator, path, bram);
    expect(b.status).toBe(200);
    expect(b.text).toBe(a.text);
  });

  it('answers 404 for unknown domain accounts and phases, and for a phase of another account', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await apiGet(emulator, `/domainaccounts/${unknown}/locations`, anna)).status).toBe(404);
    expect((await apiGet(emulator, phase(unknown, emulator.ids.gebouwBDefinitiefOntwerp), anna)).status).toBe(404);
    expect((await apiGet(emulator, phase(emulator.ids.demoVastgoed, unknown), anna)).status).toBe(404);
    expect((await apiGet(emulator, phase(emulator.ids.deLinde, emulator.ids.gebouwBDefinitiefOntwerp), anna)).status).toBe(404);
  });
});
