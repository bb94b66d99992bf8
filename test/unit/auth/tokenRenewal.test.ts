// Token renewal carried out (TokenRenewal, through the provider) against fake sign-in servers on the fake clock:
// another window's rotation, a passing fault, a refusal only the user can fix, an ended session, a caller who gives
// up, requests refused at once, and a sign-out while a renewal is under way.
import { beforeEach, describe, expect, it, vi } from 'vitest';
vi.mock('../../../src/vscode/auth/signInFlow', () => ({ signInInteractively: vi.fn() }));
import { AbortedMarker } from '../../../src/core/api/abort';
import { SessionEndedError } from '../../../src/core/auth/sessionEnd';
import type { SessionEnded } from '../../../src/vscode/auth/bimlinkAuthenticationProvider';
import { drive, openWindow, type RecordedRequest, settle, storeLegacySessions, useSignInWorld } from './support/authHarness';
import { commands, shown, window as vscodeWindow } from '../fakes/vscode';

const demo = 'https://api.demo-bimlink.nl';
const late = () => 0.99; // the background renewal after a restore stays out of the way (almost 10 s)
const isRefresh = (r: RecordedRequest) => r.path.endsWith('/token') && r.params.grant_type === 'refresh_token';
const oauthError = (error: string, description: string) => () =>
  new Response(JSON.stringify({ error, error_description: description }), { status: 401, headers: { 'content-type': 'application/json' } });

let first: string;
const world = useSignInWorld();
const open = () => openWindow(world.secrets, world.servers, { environment: 'demo', clientId: 'client' }, { random: late });

beforeEach(() => {
  first = world.servers.issue(demo, 'client');
  storeLegacySessions(world.secrets, 'demo', [{ id: 's1', email: 'anna@example.nl', refreshToken: first, clientId: 'client' }]);
});

describe('token renewal', () => {
  it('renews with the token another window rotated to while this one sent the old one, and says nothing', async () => {
    const [one, two] = [open(), open()];
    await Promise.all([one.provider.getSessions(), two.provider.getSessions()]);
    let held = false;
    const release = world.servers.hold(r => isRefresh(r) && !held && (held = true));
    const renewing = two.provider.accessToken('s1');
    await settle();
    await one.provider.accessToken('s1'); // rotates `first` and stores the new token
    release();

    await expect(drive(renewing)).resolves.toMatch(/^at-/);
    expect(world.servers.refusals.map(r => r.params.refresh_token)).toEqual([first]);
    expect(world.servers.refreshes()).toHaveLength(3);
    expect((await two.provider.getSessions()).map(s => s.id)).toEqual(['s1']);
    expect(shown).toEqual([]);
  });

  it('keeps the session through a network failure and tries again after 15 s, silently', async () => {
    const w = open();
    await w.provider.getSessions();
    world.servers.replyOnce(isRefresh, () => { throw new TypeError('fetch failed'); });

    await expect(w.provider.accessToken('s1')).rejects.toThrow();
    expect((await w.provider.getSessions()).map(s => s.id)).toEqual(['s1']);
    await vi.advanceTimersByTimeAsync(14_900);
    await settle();
    expect(world.servers.refreshes()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200);
    await settle();
    expect(world.servers.refreshes()).toHaveLength(2);
    await expect(w.provider.accessToken('s1')).resolves.toMatch(/^at-/);
    expect(world.servers.refreshes()).toHaveLength(2); // from memory
    expect(shown).toEqual([]);
  });

  it('tells once of a refusal only the user can fix, with a button that sets the client secret', async () => {
    const w = open();
    await w.provider.getSessions();
    world.servers.replyOnce(isRefresh, oauthError('invalid_client', 'client authentication failed'));
    world.servers.replyOnce(isRefresh, oauthError('invalid_client', 'client authentication failed'));
    vi.mocked(vscodeWindow.showErrorMessage).mockResolvedValueOnce('Set Client Secret' as never);

    await expect(w.provider.accessToken('s1')).rejects.toThrow('client authentication failed');
    await settle();
    expect(vi.mocked(vscodeWindow.showErrorMessage).mock.calls).toEqual([[
      'Renewing the BIMlink session was refused by the BIMlink sign-in server: client authentication failed. Check the client id and client secret for BIMlink.',
      'Set Client Secret',
    ]]);
    expect(commands.executeCommand).toHaveBeenCalledWith('bimlink.setClientSecret');

    await vi.advanceTimersByTimeAsync(15_000); // the second failure is not said again
    await settle();
    expect(world.servers.refreshes()).toHaveLength(2);
    expect(vscodeWindow.showErrorMessage).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(30_000); // then the secret is right again
    await settle();
    expect(world.servers.refreshes()).toHaveLength(3);
    await expect(w.provider.accessToken('s1')).resolves.toMatch(/^at-/);
    expect(world.servers.refreshes()).toHaveLength(3);
  });

  it('ends a session whose refresh token is refused: an event, a warning with Sign In, and the waiting request told', async () => {
    storeLegacySessions(world.secrets, 'demo', [{ id: 's1', email: 'anna@example.nl', refreshToken: 'rt-refused', clientId: 'client' }]);
    const w = open();
    await w.provider.getSessions();
    const ended: SessionEnded[] = [];
    w.provider.onDidEndSession(event => ended.push(event));
    vi.mocked(vscodeWindow.showWarningMessage).mockResolvedValueOnce('Sign In' as never);

    const error = await drive(w.provider.accessToken('s1').catch((e: unknown) => e));
    await settle();

    expect(error).toBeInstanceOf(SessionEndedError);
    expect((error as Error).message).toBe('Your BIMlink session for anna@example.nl has ended. Sign in again to continue.');
    expect(ended).toEqual([{ account: { id: 'sub-anna@example.nl', label: 'anna@example.nl' }, reason: { kind: 'refused', description: 'the refresh token is invalid' } }]);
    expect(vi.mocked(vscodeWindow.showWarningMessage).mock.calls).toEqual([[
      'Your BIMlink session for anna@example.nl has ended (the refresh token is invalid). Sign in again to continue.', 'Sign In',
    ]]);
    expect(commands.executeCommand).toHaveBeenCalledWith('bimlink.signIn');
    expect(world.servers.refusals).toHaveLength(1); // storage held no newer token: no second try
    expect(await w.provider.getSessions()).toEqual([]);
  });

  it('ends the wait of a caller who gives up at once, and finishes the renewal for the next caller', async () => {
    const w = open();
    await w.provider.getSessions();
    const release = world.servers.hold(isRefresh);
    const controller = new AbortController();
    const waiting = w.provider.accessToken('s1', controller.signal);
    await settle();
    controller.abort();
    await expect(waiting).rejects.toBeInstanceOf(AbortedMarker);

    release();
    await settle();
    await expect(w.provider.accessToken('s1')).resolves.toMatch(/^at-/);
    expect(world.servers.refreshes()).toHaveLength(1);
    const aborted = new AbortController();
    aborted.abort();
    await expect(w.provider.renewAccessToken('s1', 'at-other', aborted.signal)).resolves.toMatch(/^at-/); // a newer token needs no renewal
  });

  it('shares one renewal among requests refused at once; a token already replaced gets its replacement', async () => {
    const w = open();
    await w.provider.getSessions();
    const rejected = await w.provider.accessToken('s1');
    await settle(); // the storage change events of that renewal reach this window first

    const renewed = await Promise.all([1, 2, 3].map(() => w.provider.renewAccessToken('s1', rejected)));
    expect(new Set(renewed).size).toBe(1);
    expect(renewed[0]).not.toBe(rejected);
    expect(await w.provider.renewAccessToken('s1', rejected)).toBe(renewed[0]);
    expect(world.servers.refreshes()).toHaveLength(2);
  });

  it('keeps the token it rotated when storage is read back while the renewal writes it (no refused refresh after)', async () => {
    const w = open();
    await w.provider.getSessions();
    const rejected = await w.provider.accessToken('s1'); // its storage change events arrive while the next renewal runs
    const renewed = await w.provider.renewAccessToken('s1', rejected);
    await settle();
    await w.provider.renewAccessToken('s1', renewed);
    expect(world.servers.refusals).toEqual([]);
    expect(world.servers.refreshes()).toHaveLength(3);
  });

  it('a sign-out during a renewal tells the waiting request, and revokes the token the renewal brought', async () => {
    const w = open();
    await w.provider.getSessions();
    const release = world.servers.hold(isRefresh);
    const waiting = w.provider.accessToken('s1').catch((e: unknown) => e);
    await settle();
    const signingOut = w.provider.removeSession('s1');
    await settle();
    release();
    await signingOut;

    expect(((await waiting) as Error).message).toBe('You signed out of BIMlink.');
    const revoked = world.servers.revocations().map(r => r.params.token);
    expect(revoked).toContain(first);
    expect(revoked).toHaveLength(2);
    expect(revoked.filter(token => world.servers.isValid(token))).toEqual([]);
    expect(shown).toEqual([]);
  });
});
