// A session talks only to the servers it was issued by (security review, issue 16, item 4): renewing and signing
// out use the session's own sign-in server, endpoints, client id and client secret, whatever the settings say by
// the time the request goes out.
import { beforeEach, describe, expect, it, vi } from 'vitest';
vi.mock('../../../src/vscode/auth/signInFlow', () => ({ signInInteractively: vi.fn() }));
import { signInInteractively } from '../../../src/vscode/auth/signInFlow';
import { openWindow, scopes, settle, signInResult, storeLegacySessions, useSignInWorld } from './support/authHarness';

const demo = 'https://api.demo-bimlink.nl';
const live = 'https://api.bimlink.nl';

const world = useSignInWorld();
beforeEach(() => {
  world.secrets.values.set('bimlink.clientSecret:demo|client', 'demo-secret');
  world.secrets.values.set('bimlink.clientSecret:live|client', 'live-secret');
});

describe('a session and its servers', () => {
  it('signing out revokes at the session\'s own server with its own secret, though the environment changes meanwhile', async () => {
    const token = world.servers.issue(demo, 'client');
    storeLegacySessions(world.secrets, 'demo', [{ id: 's1', email: 'anna@example.nl', refreshToken: token, clientId: 'client' }]);
    const window = openWindow(world.secrets, world.servers, { environment: 'demo', clientId: 'client' });
    expect((await window.provider.getSessions()).map(s => s.id)).toEqual(['s1']);

    const signingOut = window.provider.removeSession('s1');
    window.use({ environment: 'live' });
    await signingOut;

    expect(world.servers.to(live)).toEqual([]);
    expect(world.servers.revocations()).toEqual([
      { origin: demo, path: '/connect/revocation', params: expect.objectContaining({ token, client_id: 'client', client_secret: 'demo-secret' }) },
    ]);
    expect(world.servers.isValid(token)).toBe(false);
  });

  it('a renewal under way when the environment changes uses its own server and secret, and keeps the rotated token there', async () => {
    const token = world.servers.issue(demo, 'client');
    storeLegacySessions(world.secrets, 'demo', [{ id: 's1', email: 'anna@example.nl', refreshToken: token, clientId: 'client' }]);
    const window = openWindow(world.secrets, world.servers, { environment: 'demo', clientId: 'client' });
    await window.provider.getSessions();
    const release = world.servers.hold(request => request.origin === demo && request.path === '/.well-known/openid-configuration');

    const renewing = window.provider.accessToken('s1').catch((error: unknown) => error);
    await settle();
    window.use({ environment: 'live' });
    release();
    await renewing;
    await settle();

    expect(world.servers.to(live)).toEqual([]);
    expect(world.servers.refreshes()).toEqual([
      { origin: demo, path: '/connect/token', params: expect.objectContaining({ refresh_token: token, client_secret: 'demo-secret' }) },
    ]);
    // Back on demo later: the token the server rotated to was kept, so the session still renews.
    const later = openWindow(world.secrets, world.servers, { environment: 'demo', clientId: 'client' });
    expect((await later.provider.getSessions()).map(s => s.id)).toEqual(['s1']);
    await expect(later.provider.accessToken('s1')).resolves.toMatch(/^at-/);
    expect(world.servers.refreshes()[1].params.refresh_token).not.toBe(token);
  });

  it('renews and signs out at the endpoints the sign-in used, after a restart and after the environment changed', async () => {
    const window = openWindow(world.secrets, world.servers, { environment: 'demo', clientId: 'client' });
    vi.mocked(signInInteractively).mockResolvedValueOnce(signInResult(demo, world.servers.issue(demo, 'client'), 'anna@example.nl', '/bound'));
    const session = await window.provider.createSession(scopes);
    await settle();

    const restarted = openWindow(world.secrets, world.servers, { environment: 'demo', clientId: 'client' });
    await restarted.provider.getSessions();
    await expect(restarted.provider.accessToken(session.id)).resolves.toMatch(/^at-/);
    const signingOut = restarted.provider.removeSession(session.id);
    restarted.use({ environment: 'live' });
    await signingOut;

    expect(world.servers.requests.map(r => `${r.origin}${r.path}`)).toEqual([`${demo}/bound/token`, `${demo}/bound/revocation`]);
    expect(world.servers.revocations()[0].params).toMatchObject({ client_id: 'client', client_secret: 'demo-secret' });
  });

  it('a sign-in that completes after the environment changed is kept for the environment it signed in to', async () => {
    const window = openWindow(world.secrets, world.servers, { environment: 'demo', clientId: 'client' });
    let complete!: (result: ReturnType<typeof signInResult>) => void;
    vi.mocked(signInInteractively).mockReturnValueOnce(new Promise(resolve => { complete = resolve; }));

    const signingIn = window.provider.createSession(scopes);
    await settle();
    window.use({ environment: 'live' });
    const token = world.servers.issue(demo, 'client');
    complete(signInResult(demo, token, 'anna@example.nl'));

    await expect(signingIn).rejects.toThrow('The BIMlink environment changed while you were signing in. Please sign in again.');
    expect(await window.provider.getSessions()).toEqual([]);
    expect(world.servers.requests).toEqual([]);
    window.use({ environment: 'demo' });
    expect((await window.provider.getSessions()).map(s => s.account.label)).toEqual(['anna@example.nl']);
    expect(world.servers.isValid(token)).toBe(true);
  });
});
