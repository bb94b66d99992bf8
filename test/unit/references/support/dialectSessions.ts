// Test support: both emulator dialects, each with a signed-in client on the demo phase, and entity documents rendered
// exactly as src/vscode/documents/entityDocuments.ts renders them (JSON.stringify(value, null, 2) and a newline).
import { afterAll, beforeAll } from 'vitest';
import type { BimlinkClient, PhaseScope } from '../../../../src/core/api/client';
import type { Entity } from '../../../../src/core/api/dto';
import type { DialectName } from '../../../emulator/dialects';
import { spellingOf, type Spelling } from '../../../emulator/testing/spelling';
import { ANNA, clientFor, EmulatorTokens, startTestEmulator, type Emulator } from '../../api/support/emulatorSession';

export interface DialectSession {
  readonly dialect: DialectName;
  readonly emulator: Emulator;
  readonly client: BimlinkClient;
  readonly scope: PhaseScope;
  readonly spelling: Spelling;
  /** API requests the emulator has answered so far. */
  apiRequests(): number;
}

export const DIALECTS: readonly DialectName[] = ['bimlink', 'aspnet'];

export async function startSession(dialect: DialectName, objectInstances = 2500): Promise<DialectSession> {
  const emulator = await startTestEmulator({ dialect, objectInstances });
  const client = clientFor(emulator, await EmulatorTokens.signIn(emulator, ANNA));
  return {
    dialect, emulator, client,
    scope: { domainAccountId: emulator.ids.demoVastgoed, projectPhaseId: emulator.ids.gebouwBDefinitiefOntwerp },
    spelling: spellingOf(dialect),
    apiRequests: () => emulator.stats().requests.api,
  };
}

/** A page document's text, from a real page of the emulator. */
/** A session in each dialect for every test of the file: started before the first, closed after the last. */
export function useDialectSessions(): (dialect: DialectName) => DialectSession {
  const sessions = new Map<DialectName, DialectSession>();
  beforeAll(async () => {
    for (const dialect of DIALECTS) sessions.set(dialect, await startSession(dialect));
  });
  afterAll(async () => {
    await Promise.all([...sessions.values()].map(s => s.emulator.close()));
  });
  return dialect => sessions.get(dialect)!;
}

export async function pageDocument(session: DialectSession, collection: string, offset = 0, limit = 100, storey?: { id: string; name: string }):
  Promise<{ text: string; items: Entity[] }> {
  const { client, scope } = session;
  const page = await client.getEntityPage({ ...scope, collection, storeyId: storey?.id }, { offset, limit });
  const text = render({
    collection, ...scope,
    ...(storey ? { storey } : {}),
    page: { offset, limit: page.limit, count: page.items.length, total: page.total ?? null },
    items: page.items,
  });
  return { text, items: page.items };
}

export function entityDocument(session: DialectSession, collection: string, entity: Entity): string {
  return render({ collection, ...session.scope, entity });
}

export const render = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
