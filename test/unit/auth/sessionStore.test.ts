// Sessions in SecretStorage: a key per session and an index of ids, sessions of earlier versions moved over, and
// the environments that hold sessions remembered (SecretStorage cannot list its keys).
import { describe, expect, it, vi } from 'vitest';
import type { StoredSession } from '../../../src/core/auth/storedSession';
import { forgetEnvironment, SessionStore, storedEnvironmentKeys } from '../../../src/vscode/auth/sessionStore';
import { SharedSecrets, storeLegacySessions } from './support/authHarness';


const demo = { key: 'demo', authority: 'https://api.demo-bimlink.nl' };
const session = (id: string, refreshToken: string): StoredSession => ({
  id, account: { id: `sub-${id}`, label: `${id}@example.nl` }, scopes: ['openid'], refreshToken, clientId: 'client',
  environmentKey: 'demo', authority: demo.authority, clientSecretKey: 'bimlink.clientSecret:demo|client',
});

describe('SessionStore', () => {
  it('keeps each session under its own key, so storing one session writes no other session\'s value', async () => {
    const secrets = new SharedSecrets();
    const storage = secrets.window();
    const store = new SessionStore(storage, demo);
    await store.put(session('a', 'rt-a1'));
    await store.put(session('b', 'rt-b1'));
    const written = vi.spyOn(storage, 'store');

    await store.put(session('a', 'rt-a2'));

    expect(written.mock.calls.map(([key]) => key)).toEqual(['bimlink.session:demo:a']);
    expect(JSON.parse(secrets.values.get('bimlink.sessions:demo')!)).toEqual(['a', 'b']);
    expect((await store.read()).map(s => s.refreshToken)).toEqual(['rt-a2', 'rt-b1']);
  });

  it('a session exists when its key does: one the index names without a key is skipped, one the index lost is put back', async () => {
    const secrets = new SharedSecrets();
    const store = new SessionStore(secrets.window(), demo);
    await store.put(session('a', 'rt-a1'));
    await store.put(session('b', 'rt-b1'));
    secrets.values.delete('bimlink.session:demo:a'); // deleted in another window, which has not unindexed it yet
    expect((await store.read()).map(s => s.id)).toEqual(['b']);

    secrets.values.set('bimlink.sessions:demo', JSON.stringify([])); // another window's write dropped b
    expect(await store.read()).toEqual([]);
    expect((await store.get('b'))?.refreshToken).toBe('rt-b1');
    await store.keepIndexed('b');
    expect((await store.read()).map(s => s.id)).toEqual(['b']);
  });

  it('deleting the last session removes the index', async () => {
    const secrets = new SharedSecrets();
    const store = new SessionStore(secrets.window(), demo);
    await store.put(session('a', 'rt-a1'));
    await store.delete('a');
    expect([...secrets.values.keys()].filter(key => key.startsWith('bimlink.session'))).toEqual([]);
  });

  it('moves sessions an earlier version stored as one list to their own keys, bound to the environment', async () => {
    const secrets = new SharedSecrets();
    storeLegacySessions(secrets, 'demo', [
      { id: 'a', email: 'anna@example.nl', refreshToken: 'rt-a1', clientId: 'client' },
      { id: 'b', email: 'bram@example.nl', refreshToken: 'rt-b1', clientId: 'client' },
    ]);
    secrets.values.set('bimlink.session:demo:b', JSON.stringify(session('b', 'rt-b2'))); // another window moved b and renewed it

    const sessions = await new SessionStore(secrets.window(), demo).read();

    expect(sessions.map(s => [s.id, s.refreshToken, s.environmentKey, s.authority])).toEqual([
      ['a', 'rt-a1', 'demo', demo.authority],
      ['b', 'rt-b2', 'demo', demo.authority],
    ]);
    expect(JSON.parse(secrets.values.get('bimlink.sessions:demo')!)).toEqual(['a', 'b']);
    expect(JSON.parse(secrets.values.get('bimlink.session:demo:a')!)).toMatchObject({ refreshToken: 'rt-a1', clientSecretKey: 'bimlink.clientSecret:demo|client' });
  });

  it('treats an unreadable index as no sessions', async () => {
    const secrets = new SharedSecrets();
    secrets.values.set('bimlink.sessions:demo', '{not json');
    expect(await new SessionStore(secrets.window(), demo).read()).toEqual([]);
  });

  it('remembers the environments it stored sessions for; live and demo are always looked at', async () => {
    const secrets = new SharedSecrets();
    const storage = secrets.window();
    const custom = { key: 'custom:https://twin.example.nl|https://twin.example.nl', authority: 'https://twin.example.nl' };
    await new SessionStore(storage, custom).put({ ...session('c', 'rt-c'), environmentKey: custom.key, authority: custom.authority,
      clientSecretKey: `bimlink.clientSecret:${custom.key}|client` });
    expect(await storedEnvironmentKeys(storage)).toEqual(['live', 'demo', custom.key]);
    await forgetEnvironment(storage, custom.key);
    expect(await storedEnvironmentKeys(storage)).toEqual(['live', 'demo']);
  });
});
