// Several windows share sessions safely (security review, issue 16, item 10): windows renewing or signing in at the
// same moment keep each other's tokens, and windows restored together do not all renew at the same instant.
import { describe, expect, it, vi } from 'vitest';
vi.mock('../../../src/vscode/auth/signInFlow', () => ({ signInInteractively: vi.fn() }));
import { signInInteractively } from '../../../src/vscode/auth/signInFlow';
import { drive, openWindow, scopes, settle, signInResult, storeLegacySessions, useSignInWorld } from './support/authHarness';
import { shown } from '../fakes/vscode';

const demo = 'https://api.demo-bimlink.nl';
const world = useSignInWorld();
const window = (random?: () => number) => openWindow(world.secrets, world.servers, { environment: 'demo', clientId: 'client' }, { random });

describe('windows sharing sessions', () => {
  it('two windows renewing different sessions at once keep both rotated tokens', async () => {
    storeLegacySessions(world.secrets, 'demo', [
      { id: 'sa', email: 'anna@example.nl', refreshToken: world.servers.issue(demo, 'client'), clientId: 'client' },
      { id: 'sb', email: 'bram@example.nl', refreshToken: world.servers.issue(demo, 'client'), clientId: 'client' },
    ]);
    const late = () => 0.99; // their background renewals stay out of the way
    const one = window(late);
    const two = window(late);
    await Promise.all([one.provider.getSessions(), two.provider.getSessions()]);

    await Promise.all([one.provider.accessToken('sa'), two.provider.accessToken('sb')]);
    await settle();

    const restarted = window();
    expect((await restarted.provider.getSessions()).map(s => s.id).sort()).toEqual(['sa', 'sb']);
    const renewed = await drive(Promise.allSettled([restarted.provider.accessToken('sa'), restarted.provider.accessToken('sb')]));
    expect(renewed.map(r => r.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(world.servers.refusals).toEqual([]);
    expect(shown).toEqual([]);
  });

  it('two windows signing in different accounts at once both stay signed in', async () => {
    const one = window();
    const two = window();
    await Promise.all([one.provider.getSessions(), two.provider.getSessions()]);
    vi.mocked(signInInteractively)
      .mockResolvedValueOnce(signInResult(demo, world.servers.issue(demo, 'client'), 'anna@example.nl'))
      .mockResolvedValueOnce(signInResult(demo, world.servers.issue(demo, 'client'), 'bram@example.nl'));

    await Promise.all([one.provider.createSession(scopes), two.provider.createSession(scopes)]);
    await settle(200);

    const labels = async (w: ReturnType<typeof window>) => (await w.provider.getSessions()).map(s => s.account.label).sort();
    expect(await labels(one)).toEqual(['anna@example.nl', 'bram@example.nl']);
    expect(await labels(two)).toEqual(['anna@example.nl', 'bram@example.nl']);
    expect(await labels(window())).toEqual(['anna@example.nl', 'bram@example.nl']);
  });

  it('a restored window renews its sessions after a random delay, not at once', async () => {
    storeLegacySessions(world.secrets, 'demo', [{ id: 'sa', email: 'anna@example.nl', refreshToken: world.servers.issue(demo, 'client'), clientId: 'client' }]);
    const restored = window(() => 0.5);
    await restored.provider.getSessions();
    await settle();

    await vi.advanceTimersByTimeAsync(4_900);
    await settle();
    expect(world.servers.refreshes()).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(200);
    await settle();
    expect(world.servers.refreshes()).toHaveLength(1);
  });

  it('windows restored together renew one after another, each with the token the one before stored', async () => {
    storeLegacySessions(world.secrets, 'demo', [{ id: 'sa', email: 'anna@example.nl', refreshToken: world.servers.issue(demo, 'client'), clientId: 'client' }]);
    const windows = [window(() => 0.1), window(() => 0.4), window(() => 0.7)];
    await Promise.all(windows.map(w => w.provider.getSessions()));

    for (let i = 0; i < 24; i++) {
      await vi.advanceTimersByTimeAsync(500);
      await settle(10);
    }

    expect(world.servers.refreshes()).toHaveLength(3);
    expect(world.servers.refusals).toEqual([]); // each used the token the one before it rotated to
    expect(shown).toEqual([]);
    for (const w of windows) expect((await w.provider.getSessions()).map(s => s.id)).toEqual(['sa']);
  });
});
