// A CSV export of a real collection over HTTP, in both emulator dialects (`bimlink`: camelCase keys; `aspnet`:
// PascalCase, pages clamped to 250). The header is the server's keys in the server's order, taken from the bytes it
// sent, and every cell reads back as the value sent.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Fetch } from '../../../src/core/fetch';
import { ExportFile } from '../../../src/vscode/documents/exportFile';
import { readCsv } from '../support/readCsv';
import { ANNA, clientFor, EmulatorTokens, startTestEmulator, type Emulator } from './support/emulatorSession';

const dialects = ['bimlink', 'aspnet'] as const;
const emulators = new Map<string, Emulator>();
let folder: string;

beforeAll(async () => {
  const started = await Promise.all(dialects.map(dialect => startTestEmulator({ dialect })));
  dialects.forEach((dialect, i) => emulators.set(dialect, started[i]!));
  folder = mkdtempSync(path.join(tmpdir(), 'bimlink-csv-emulator-'));
});
afterAll(async () => {
  await Promise.all([...emulators.values()].map(emulator => emulator.close()));
  rmSync(folder, { recursive: true, force: true });
});

/** What a cell should read as: strings as sent, nothing as empty, anything else as its JSON text. */
const cellOf = (value: unknown) => value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);

describe('a CSV export of a storey\'s object instances', () => {
  for (const dialect of dialects) {
    it(`${dialect}: the header is exactly the server's keys in its order, and each row the entity's values`, async () => {
      const emulator = emulators.get(dialect)!;
      const raw: string[] = []; // the bodies of the collection's pages, as the server sent them
      const recording: Fetch = async (input, init) => {
        const response = await globalThis.fetch(input, init);
        if (response.ok && /\/(objectinstances|objects)\?/.test(input)) raw.push(await response.clone().text());
        return response;
      };
      const client = clientFor(emulator, await EmulatorTokens.signIn(emulator, ANNA), { fetch: recording });
      const phase = { domainAccountId: emulator.ids.demoVastgoed, projectPhaseId: emulator.ids.gebouwBDefinitiefOntwerp };
      const storey = (await client.getSpatialStructure(phase)).find(e => e.type === 'Storey')!;

      const target = path.join(folder, `${dialect}.csv`);
      const file = new ExportFile(target, 'csv');
      for await (const page of client.entityPages({ ...phase, collection: 'objectinstances', storeyId: storey.id }, { limit: 1000 })) await file.add(page.items);
      const count = await file.complete();

      const sent = raw.flatMap(text => JSON.parse(text) as Record<string, unknown>[]);
      expect(count).toBe(sent.length);
      if (dialect === 'aspnet') expect(raw.length).toBeGreaterThan(1); // several pages: 250 at most each
      const keys: string[] = [];
      for (const entity of sent) for (const key of Object.keys(entity)) if (!keys.includes(key)) keys.push(key);
      expect(keys[0]).toBe(dialect === 'aspnet' ? 'Id' : 'id');
      // JSON.parse keeps a text's key order except for integer-like keys, which it puts first: there are none
      expect(keys.filter(key => /^\d+$/.test(key))).toEqual([]);

      const text = readFileSync(target, 'utf8');
      expect(text.startsWith('\uFEFF')).toBe(true);
      const [header, ...rows] = readCsv(text.slice(1));
      expect(header).toEqual(keys);
      expect(rows).toEqual(sent.map(entity => keys.map(key => cellOf(entity[key]))));
    });
  }
});
