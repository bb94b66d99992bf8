// Entity documents against the real emulator, through the fake vscode module: what a page knows (the storey's name,
// the total) travels in its URI's query, so paging keeps it even when the name holds the separator of the tab
// titles (the emulator's separatedNames fault) and when later pages come without a total.
import * as vscode from 'vscode';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EntityPageRef, PageState } from '../../../src/core/model/entityDocument';
import type { Connection } from '../../../src/vscode/connection/connection';
import { EntityDocuments, pageOf } from '../../../src/vscode/documents/entityDocuments';
import { ANNA, clientFor, EmulatorTokens, startTestEmulator, type Emulator } from '../api/support/emulatorSession';

interface PageJson { storey?: { id: string; name: string }; page: { offset: number; count: number; total: number | null } }

const title = (uri: vscode.Uri) => decodeURIComponent(uri.path.slice(uri.path.lastIndexOf('/') + 1));

describe('entity documents: a storey named "A · B"', () => {
  let emulator: Emulator;
  let documents: EntityDocuments;
  let storey: { id: string; name: string };
  let phase: { domainAccountId: string; projectPhaseId: string };

  beforeAll(async () => {
    emulator = await startTestEmulator({ faults: { separatedNames: true } });
    const client = clientFor(emulator, await EmulatorTokens.signIn(emulator, ANNA));
    documents = new EntityDocuments({ state: { kind: 'signedIn', client, pageSize: 10 } } as unknown as Connection);
    phase = { domainAccountId: emulator.ids.demoVastgoed, projectPhaseId: emulator.ids.gebouwBDefinitiefOntwerp };
    const found = (await client.getSpatialStructure(phase)).find(element => element.type === 'Storey' && element.name === '00 · Begane grond');
    if (!found) throw new Error('the emulator sent no storey named "00 · Begane grond"');
    storey = { id: found.id, name: found.name };
  });

  afterEach(() => { emulator.faults.reset(); }); // back to the storey names with the separator, and no other fault
  afterAll(() => emulator?.close());

  /** Loads the page next to the document at `uri`, as Next Page and Previous Page do: from the URI alone. */
  async function turn(uri: vscode.Uri, direction: 1 | -1) {
    const current = pageOf(uri);
    if (!current) throw new Error(`${uri.toString()} is not a page document`);
    return load({ ...current.ref, offset: current.ref.offset + direction * current.ref.limit }, current.state);
  }

  async function load(ref: EntityPageRef, state: PageState) {
    const loaded = await documents.load(ref, state, new AbortController().signal);
    return { uri: loaded.uri, json: JSON.parse(new TextDecoder().decode(loaded.content)) as PageJson };
  }

  it('pages forward and back keeping the storey and the total, in the URI and the title', async () => {
    const first = await load({ kind: 'page', ...phase, collection: 'objectinstances', storeyId: storey.id, offset: 0, limit: 10 }, { storeyName: storey.name });
    const total = first.json.page.total!;
    expect(total).toBeGreaterThan(20);
    expect(title(first.uri)).toBe(`objectinstances · 00 · Begane grond · 1–10 of ${total.toLocaleString('en')}.json`);

    // Later pages come without a total (a server may leave it out): the one page 1 told must stay.
    emulator.faults.set({ paginationHeaders: 'missing' });
    const second = await turn(first.uri, +1);
    expect(second.json.page.offset).toBe(10);
    expect(second.json.storey).toEqual(storey);
    expect(pageOf(second.uri)?.state).toEqual({ total, storeyName: storey.name });
    expect(title(second.uri)).toBe(`objectinstances · 00 · Begane grond · 11–20 of ${total.toLocaleString('en')}.json`);

    const back = await turn(second.uri, -1);
    expect(back.uri.toString()).toBe(first.uri.toString());
    expect(back.json.storey).toEqual(storey);
  });

  it('reads nothing back out of the title: a title that says otherwise changes nothing', async () => {
    const first = await load({ kind: 'page', ...phase, collection: 'objectinstances', storeyId: storey.id, offset: 0, limit: 10 }, { storeyName: storey.name });
    const misleading = first.uri.with({ path: first.uri.path.replace(/[^/]+\.json$/, 'objectinstances · A · B · 1–10 of 3.json') });
    expect(pageOf(misleading)?.state).toEqual(pageOf(first.uri)?.state);
    const second = await turn(misleading, +1);
    expect(second.json.storey).toEqual(storey);
    expect(title(second.uri)).toMatch(/^objectinstances · 00 · Begane grond · 11–20 of /);
  });
});
