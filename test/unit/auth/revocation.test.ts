// Every refresh token that leaves storage is revoked (security review, issue 16, item 7): a session ended by a refused
// refresh token revokes the earlier sign-ins' tokens it kept, and signing in again under another client id revokes
// the previous sign-in's tokens, at their own server and with their own client.
import { beforeEach, describe, expect, it, vi } from 'vitest';
vi.mock('../../../src/vscode/auth/signInFlow', () => ({ signInInteractively: vi.fn() }));
import { signInInteractively } from '../../../src/vscode/auth/signInFlow';
import { drive, FakeSignInServers, openWindow, scopes, settle, SharedSecrets, signInResult, storeLegacySessions, useFakeWindowClock } from './support/authHarness';
import { shown } from '../fakes/vscode';

const demo = 'https://api.demo-bimlink.nl';

let secrets: SharedSecrets;
let servers: FakeSignInServers;

useFakeWindowClock();
beforeEach(() => {
  secrets = new SharedSecrets();
  servers = new FakeSignInServers();
});

describe('refresh tokens that leave storage', () => {
  it('a session ended by a refused refresh token revokes the tokens of its earlier sign-ins', async () => {
    const earlier = [servers.issue(demo, 'client'), servers.issue(demo, 'client')];
    storeLegacySessions(secrets, 'demo', [{ id: 's1', email: 'anna@example.nl', refreshToken: 'rt-refused', clientId: 'client', superseded: earlier }]);
    secrets.values.set('bimlink.clientSecret:demo|client', 'demo-secret');
    const window = openWindow(secrets, servers, { environment: 'demo', clientId: 'client' });
    await window.provider.getSessions();

    const error = await drive(window.provider.accessToken('s1').catch((e: unknown) => e));
    await settle();

    expect((error as Error).name).toBe('SessionEndedError');
    expect(await window.provider.getSessions()).toEqual([]);
    expect(servers.revocations().map(r => [r.origin, r.params.token, r.params.client_secret])).toEqual(earlier.map(token => [demo, token, 'demo-secret']));
    expect(earlier.filter(token => servers.isValid(token))).toEqual([]);
    expect(shown.map(s => s.message)).toContainEqual(expect.stringContaining('Your BIMlink session for anna@example.nl has ended'));
  });

  it('signing in again under another client id revokes the previous sign-in\'s tokens with the previous client', async () => {
    const previous = servers.issue(demo, 'old-client');
    const older = servers.issue(demo, 'old-client');
    storeLegacySessions(secrets, 'demo', [{ id: 's1', email: 'anna@example.nl', refreshToken: previous, clientId: 'old-client', superseded: [older] }]);
    secrets.values.set('bimlink.clientSecret:demo|old-client', 'old-secret');
    const window = openWindow(secrets, servers, { environment: 'demo', clientId: 'new-client' });
    await window.provider.getSessions();
    const fresh = servers.issue(demo, 'new-client');
    vi.mocked(signInInteractively).mockResolvedValueOnce(signInResult(demo, fresh, 'anna@example.nl'));

    const session = await window.provider.createSession(scopes);
    await settle();

    expect(session.id).toBe('s1');
    expect(servers.revocations().map(r => [r.params.token, r.params.client_id, r.params.client_secret])).toEqual([
      [previous, 'old-client', 'old-secret'],
      [older, 'old-client', 'old-secret'],
    ]);
    expect(servers.isValid(fresh)).toBe(true);

    await window.provider.removeSession('s1'); // and the new sign-in's own token at sign-out, with its own client
    expect(servers.revocations().slice(2).map(r => [r.params.token, r.params.client_id])).toEqual([[fresh, 'new-client']]);
  });

  it('signing in again under the same client id keeps the previous token, and revokes it at sign-out', async () => {
    const previous = servers.issue(demo, 'client');
    storeLegacySessions(secrets, 'demo', [{ id: 's1', email: 'anna@example.nl', refreshToken: previous, clientId: 'client' }]);
    const window = openWindow(secrets, servers, { environment: 'demo', clientId: 'client' });
    await window.provider.getSessions();
    const fresh = servers.issue(demo, 'client');
    vi.mocked(signInInteractively).mockResolvedValueOnce(signInResult(demo, fresh, 'anna@example.nl'));

    await window.provider.createSession(scopes);
    await settle();
    expect(servers.revocations()).toEqual([]); // a server may tie both to one grant: revoking now could end the new session

    await window.provider.removeSession('s1');
    expect(servers.revocations().map(r => r.params.token)).toEqual([fresh, previous]);
  });
});
