// The per-client services and the commands of issue 18, without a server: one set of tools per signed-in client,
// rebuilt when the connection changes, none signed out; a spatial element's command link re-validates its arguments.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BimlinkClient } from '../../../src/core/api';
import type { Connection, ConnectionState } from '../../../src/vscode/connection/connection';
import { referenceCommands, type ReferenceCommandDependencies } from '../../../src/vscode/references/referenceCommands';
import { ReferenceServices } from '../../../src/vscode/references/referenceServices';
import { commands, EventEmitter, resetFakeVscode } from '../fakes/vscode';
import { recordingLog } from '../commands/support/recordingLog';

beforeEach(resetFakeVscode);

function connection(state: Partial<ConnectionState>) {
  const changed = new EventEmitter<ConnectionState>();
  const fake = { state, onDidChange: changed.event };
  return { connection: fake as unknown as Connection, change: (next: Partial<ConnectionState>) => { fake.state = next; changed.fire(next as ConnectionState); } };
}

const client = () => ({}) as BimlinkClient;

describe('reference services', () => {
  it('one set of tools per signed-in client: kept while it is signed in, rebuilt for another, none signed out', () => {
    const first = client();
    const { connection: c, change } = connection({ kind: 'signedIn', client: first } as Partial<ConnectionState>);
    const services = new ReferenceServices(c);
    const tools = services.tools()!;
    expect(services.tools()).toBe(tools);
    expect(services.lookupFor(first)).toBe(tools.lookup);
    expect(services.lookupFor(client())).toBeUndefined(); // never another client's lookup

    const forget = vi.spyOn(tools.resolver, 'forget');
    change({ kind: 'signedIn', client: client() } as Partial<ConnectionState>);
    expect(forget).toHaveBeenCalledWith();
    expect(services.tools()).not.toBe(tools);
    change({ kind: 'signedOut' });
    expect(services.tools()).toBeUndefined();
  });

  it('forgets a phase, or everything, in the resolver and its lookup', () => {
    const services = new ReferenceServices(connection({ kind: 'signedIn', client: client() } as Partial<ConnectionState>).connection);
    const { resolver, lookup } = services.tools()!;
    const forgetResolver = vi.spyOn(resolver, 'forget');
    const forgetLookup = vi.spyOn(lookup, 'forget');
    const phase = { domainAccountId: 'a', projectPhaseId: 'p' };
    services.forget(phase);
    services.forget();
    expect(forgetResolver.mock.calls).toEqual([[phase], [undefined]]);
    expect(forgetLookup.mock.calls).toEqual([[phase], [undefined]]);
  });
});

describe('the spatial element command', () => {
  const deps = () => ({ log: recordingLog(), tree: { domainAccountNodes: vi.fn(async () => []) } }) as unknown as ReferenceCommandDependencies;
  const reveal = (d: ReferenceCommandDependencies) => referenceCommands(d).find(c => c.id === 'bimlink.revealSpatialElement')!;

  it('does nothing with arguments that are not in their shape (a tampered command link)', async () => {
    const d = deps();
    for (const args of [[{ domainAccountId: 'a' }, 'e'], [{ domainAccountId: 'a', projectPhaseId: 'p' }, 'e\u0007'], ['a', 'p', 'e'], [{ domainAccountId: 'a', projectPhaseId: '..' }, 'e']]) {
      expect(await reveal(d).bind(args)()).toBeUndefined();
    }
    expect(d.tree.domainAccountNodes).not.toHaveBeenCalled();
    expect(commands.executeCommand).not.toHaveBeenCalled();
  });
});
