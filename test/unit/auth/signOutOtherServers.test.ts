// BIMlink: Sign Out of Other Servers (security review, issue 16, item 7): lists the other environments that hold
// sessions, and revokes each chosen session at its own server before removing it.
import { describe, expect, it, vi } from 'vitest';
vi.mock('../../../src/vscode/auth/signInFlow', () => ({ signInInteractively: vi.fn() }));
import { signInInteractively } from '../../../src/vscode/auth/signInFlow';
import { registerSignOutOtherServers, signOutOtherServers } from '../../../src/vscode/auth/signOutOtherServers';
import { Settings } from '../../../src/vscode/settings/settings';
import { openWindow, scopes, settle, signInResult, storeLegacySessions, useSignInWorld } from './support/authHarness';
import { commands, shown, window as ui } from '../fakes/vscode';
import { recordingLog } from '../commands/support/recordingLog';

const live = 'https://api.bimlink.nl';
const demo = 'https://api.demo-bimlink.nl';
const twin = 'https://twin.example.nl';

const world = useSignInWorld();

/** Anna on live (stored by an earlier version), Bram on a custom server, and Carla on demo, the current environment. */
async function signedInOnThreeServers() {
  const annaToken = world.servers.issue(live, 'client');
  storeLegacySessions(world.secrets, 'live', [{ id: 'anna', email: 'anna@example.nl', refreshToken: annaToken, clientId: 'client' }]);
  world.secrets.values.set('bimlink.clientSecret:live|client', 'live-secret');
  const window = openWindow(world.secrets, world.servers, { environment: 'custom', apiUrl: twin, clientId: 'client' });
  const bramToken = world.servers.issue(twin, 'client');
  vi.mocked(signInInteractively).mockResolvedValueOnce(signInResult(twin, bramToken, 'bram@example.nl'));
  await window.provider.createSession(scopes);
  window.use({ environment: 'demo' });
  const carlaToken = world.servers.issue(demo, 'client');
  vi.mocked(signInInteractively).mockResolvedValueOnce(signInResult(demo, carlaToken, 'carla@example.nl'));
  await window.provider.createSession(scopes);
  await settle();
  return { window, annaToken, bramToken, carlaToken };
}

describe('Sign Out of Other Servers', () => {
  it('lists the other servers with their accounts, and signs out of the chosen ones at their own servers', async () => {
    const { window, annaToken, bramToken, carlaToken } = await signedInOnThreeServers();
    let offered: { label: string; description: string; detail: string; picked: boolean }[] = [];
    ui.showQuickPick.mockImplementationOnce(async (items: unknown) => {
      offered = items as typeof offered;
      return offered as never;
    });

    await signOutOtherServers(window.provider);
    await settle();

    expect(offered.map(({ label, description, detail, picked }) => ({ label, description, detail, picked }))).toEqual([
      { label: live, description: 'Live', detail: 'anna@example.nl', picked: true },
      { label: twin, description: 'Custom', detail: 'bram@example.nl', picked: true },
    ]);
    expect(world.servers.revocations().map(r => [r.origin, r.params.token, r.params.client_secret])).toEqual([
      [live, annaToken, 'live-secret'],
      [twin, bramToken, undefined],
    ]);
    expect([annaToken, bramToken].filter(token => world.servers.isValid(token))).toEqual([]);
    expect(world.servers.isValid(carlaToken)).toBe(true);
    expect((await window.provider.getSessions()).map(s => s.account.label)).toEqual(['carla@example.nl']);
    expect(await window.provider.otherServers()).toEqual([]);
    expect(shown.at(-1)?.message).toBe('Signed out of 2 BIMlink servers.');
    // and those servers' sessions are gone from storage: switching back finds no one signed in
    window.use({ environment: 'live' });
    expect(await window.provider.getSessions()).toEqual([]);
  });

  it('signs out of only the servers picked', async () => {
    const { window, annaToken, bramToken } = await signedInOnThreeServers();
    ui.showQuickPick.mockImplementationOnce(async (items: unknown) => [(items as { label: string }[]).find(item => item.label === twin)] as never);

    await signOutOtherServers(window.provider);

    expect(world.servers.revocations().map(r => r.params.token)).toEqual([bramToken]);
    expect(world.servers.isValid(annaToken)).toBe(true);
    expect((await window.provider.otherServers()).map(other => [other.servers.apiUrl, other.accounts.map(a => a.label)])).toEqual([
      [live, ['anna@example.nl']],
    ]);
    expect(shown.at(-1)?.message).toBe(`Signed out of the BIMlink server ${twin}.`);
  });

  it('changes nothing when the user dismisses the list', async () => {
    const { window } = await signedInOnThreeServers();
    await signOutOtherServers(window.provider);
    expect(world.servers.revocations()).toEqual([]);
    expect(await window.provider.otherServers()).toHaveLength(2);
  });

  it('says so when there is no other server to sign out of', async () => {
    const window = openWindow(world.secrets, world.servers, { environment: 'demo', clientId: 'client' });
    await signOutOtherServers(window.provider);
    expect(ui.showQuickPick).not.toHaveBeenCalled();
    expect(shown).toEqual([{ kind: 'info', message: 'You are not signed in to any other BIMlink server.' }]);
  });

  it('shows the command in the palette only while another server holds sessions', async () => {
    const { window } = await signedInOnThreeServers();
    const storage = world.secrets.window();
    const contextKey = () => (commands.executeCommand.mock.calls as unknown[][])
      .filter(([id, key]) => id === 'setContext' && key === 'bimlink.signedInElsewhere').map(call => call[2]).at(-1);
    const settings = new Settings();
    const registration = registerSignOutOtherServers(window.provider, storage, settings, recordingLog());
    expect(commands.registerCommand).toHaveBeenCalledWith('bimlink.signOutOtherServers', expect.any(Function));
    await vi.advanceTimersByTimeAsync(300);
    await settle();
    expect(contextKey()).toBe(true);

    ui.showQuickPick.mockImplementationOnce(async (items: unknown) => items as never);
    await signOutOtherServers(window.provider);
    await settle();
    await vi.advanceTimersByTimeAsync(300);
    await settle();
    expect(contextKey()).toBe(false);
    registration.dispose();
    settings.dispose();
  });
});
