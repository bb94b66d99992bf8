// Every refresh token that leaves storage is revoked (security review, issue 16, item 7): a session ended by a refused
// refresh token revokes the earlier sign-ins' tokens it kept, and signing in again under another client id revokes
// the previous sign-in's tokens, at their own server and with their own client.
import { describe, expect, it, vi } from 'vitest';
vi.mock('../../../src/vscode/auth/signInFlow', () => ({ signInInteractively: vi.fn() }));
import { signInInteractively } from '../../../src/vscode/auth/signInFlow';
import { drive, openWindow, scopes, settle, signInResult, storeLegacySessions, useSignInWorld } from './support/authHarness';
import { shown } from '../fakes/vscode';

const demo = 'https://api.demo-bimlink.nl';

const world = useSignInWorld();

describe('refresh tokens that leave storage', () => {
  it('a session ended by a refused refresh token revokes the tokens of its earlier sign-ins', async () => {
    const earlier = [world.servers.issue(demo, 'client'), world.servers.issue(demo, 'client')];
    storeLegacySessions(world.secrets, 'demo', [{ id: 's1', email: 'anna@example.nl', refreshToken: 'rt-refused', clientId: 'client', superseded: earlier }]);
    world.secrets.values.set('bimlink.clientSecret:demo|client', 'demo-secret');
    const window = openWindow(world.secrets, world.servers, { environment: 'demo', clientId: 'client' });
    await window.provider.getSessions();

    const error = await drive(window.provider.accessToken('s1').catch((e: unknown) => e));
    await settle();

    expect((error as Error).name).toBe('SessionEndedError');
    expect(await window.provider.getSessions()).toEqual([]);
    expect(world.servers.revocations().map(r => [r.origin, r.params.token, r.params.client_secret])).toEqual(earlier.map(token => [demo, token, 'demo-secret']));
    expect(earlier.filter(token => world.servers.isValid(token))).toEqual([]);
    expect(shown.map(s => s.message)).toContainEqual(expect.stringContaining('Your BIMlink session for anna@example.nl has ended'));
  });

  it('signing in again under another client id revokes the previous sign-in\'s tokens with the previous client', async () => {
    const previous = world.servers.issue(demo, 'old-client');
    const older = world.servers.issue(demo, 'old-client');
    storeLegacySessions(world.secrets, 'demo', [{ id: 's1', email: 'anna@example.nl', refreshToken: previous, clientId: 'old-client', superseded: [older] }]);
    world.secrets.values.set('bimlink.clientSecret:demo|old-client', 'old-secret');
    const window = openWindow(world.secrets, world.servers, { environment: 'demo', clientId: 'new-client' });
    await window.provider.getSessions();
    const fresh = world.servers.issue(demo, 'new-client');
    vi.mocked(signInInteractively).mockResolvedValueOnce(signInResult(demo, fresh, 'anna@example.nl'));

    const session = await window.provider.createSession(scopes);
    await settle();

    expect(session.id).toBe('s1');
    expect(world.servers.revocations().map(r => [r.params.token, r.params.client_id, r.params.client_secret])).toEqual([
      [previous, 'old-client', 'old-secret'],
      [older, 'old-client', 'old-secret'],
    ]);
    expect(world.servers.isValid(fresh)).toBe(true);

    await window.provider.removeSession('s1'); // and the new sign-in's own token at sign-out, with its own client
    expect(world.servers.revocations().slice(2).map(r => [r.params.token, r.params.client_id])).toEqual([[fresh, 'new-client']]);
  });

  it('signing in again under the same client id keeps the previous token, and revokes it at sign-out', async () => {
    const previous = world.servers.issue(demo, 'client');
    storeLegacySessions(world.secrets, 'demo', [{ id: 's1', email: 'anna@example.nl', refreshToken: previous, clientId: 'client' }]);
    const window = openWindow(world.secrets, world.servers, { environment: 'demo', clientId: 'client' });
    await window.provider.getSessions();
    const fresh = world.servers.issue(demo, 'client');
    vi.mocked(signInInteractively).mockResolvedValueOnce(signInResult(demo, fresh, 'anna@example.nl'));

    await window.provider.createSession(scopes);
    await settle();
    expect(world.servers.revocations()).toEqual([]); // a server may tie both to one grant: revoking now could end the new session

    await window.provider.removeSession('s1');
    expect(world.servers.revocations().map(r => r.params.token)).toEqual([fresh, previous]);
  });
});
