// What a sign-in or a renewal does to a stored session, decided without storage or servers.
import { describe, expect, it } from 'vitest';
import { withJitter } from '../../../src/core/auth/renewalJitter';
import { afterRenewal, replaceSignIn } from '../../../src/core/auth/sessionChanges';
import type { StoredSession } from '../../../src/core/auth/storedSession';

const session = (refreshToken: string, more: Partial<StoredSession> = {}): StoredSession => ({
  id: 's1',
  account: { id: 'sub-1', label: 'anna@example.nl' },
  scopes: ['openid'],
  refreshToken,
  clientId: 'client',
  environmentKey: 'demo',
  authority: 'https://api.demo-bimlink.nl',
  clientSecretKey: 'bimlink.clientSecret:demo|client',
  ...more,
});

describe('replaceSignIn', () => {
  it('a first sign-in is stored as it is', () => {
    expect(replaceSignIn(undefined, session('rt-new', { id: 'new' }))).toEqual({ session: session('rt-new', { id: 'new' }) });
  });

  it('same client and server: keeps the id, joins the scopes, and keeps the previous token for sign-out', () => {
    const previous = session('rt-1', { scopes: ['email', 'openid'], superseded: ['rt-0'] });
    const { session: next, revoke } = replaceSignIn(previous, session('rt-2', { id: 'new', scopes: ['bimlink_publicapi', 'openid'] }));
    expect(next).toMatchObject({ id: 's1', refreshToken: 'rt-2', scopes: ['bimlink_publicapi', 'email', 'openid'], superseded: ['rt-0', 'rt-1'] });
    expect(revoke).toBeUndefined();
  });

  it('keeps at most five earlier tokens', () => {
    const previous = session('rt-5', { superseded: ['rt-0', 'rt-1', 'rt-2', 'rt-3', 'rt-4'] });
    expect(replaceSignIn(previous, session('rt-6')).session.superseded).toEqual(['rt-1', 'rt-2', 'rt-3', 'rt-4', 'rt-5']);
  });

  it('another client id: revokes the previous token and the earlier ones now, with the previous client', () => {
    const previous = session('rt-1', { clientId: 'old', clientSecretKey: 'bimlink.clientSecret:demo|old', superseded: ['rt-0'] });
    const { session: next, revoke } = replaceSignIn(previous, session('rt-2', { id: 'new' }));
    expect(next).toMatchObject({ id: 's1', refreshToken: 'rt-2', clientId: 'client' });
    expect(next).not.toHaveProperty('superseded');
    expect(revoke).toEqual({ session: previous, tokens: ['rt-1', 'rt-0'] });
  });

  it('another sign-in server (the same environment key cannot have one, but a stored one may): revokes the previous ones too', () => {
    const previous = session('rt-1', { authority: 'https://login.example.nl' });
    expect(replaceSignIn(previous, session('rt-2')).revoke).toEqual({ session: previous, tokens: ['rt-1'] });
  });
});

describe('afterRenewal', () => {
  const renewed = session('rt-1');

  it('storage still holds the token used: the rotated one replaces it', () => {
    const latest = session('rt-1', { scopes: ['email', 'openid'] });
    expect(afterRenewal(latest, renewed, 'rt-2')).toEqual({ session: { ...latest, refreshToken: 'rt-2' }, store: true, revoke: [] });
  });

  it('the server kept the token: nothing to store', () => {
    expect(afterRenewal(renewed, renewed, undefined)).toEqual({ session: renewed, store: false, revoke: [] });
    expect(afterRenewal(renewed, renewed, 'rt-1')).toEqual({ session: renewed, store: false, revoke: [] });
  });

  it('signed out meanwhile: the rotated token is stored nowhere, so it is revoked now', () => {
    expect(afterRenewal(undefined, renewed, 'rt-2')).toEqual({ session: undefined, store: false, revoke: ['rt-2'] });
    expect(afterRenewal(undefined, renewed, undefined)).toEqual({ session: undefined, store: false, revoke: [] });
  });

  it('another window or a sign-in stored a newer token meanwhile: that one stays, the rotated one waits for sign-out', () => {
    const latest = session('rt-9', { superseded: ['rt-0'] });
    expect(afterRenewal(latest, renewed, 'rt-2')).toEqual({ session: { ...latest, superseded: ['rt-0', 'rt-2'] }, store: true, revoke: [] });
    // the same outcome again (a repeated decision) changes nothing
    expect(afterRenewal({ ...latest, superseded: ['rt-0', 'rt-2'] }, renewed, 'rt-2').store).toBe(false);
  });

  it('a sign-in under another client replaced it meanwhile: the rotated token is revoked now, as the renewed client\'s', () => {
    const latest = session('rt-9', { clientId: 'other', clientSecretKey: 'bimlink.clientSecret:demo|other' });
    expect(afterRenewal(latest, renewed, 'rt-2')).toEqual({ session: latest, store: false, revoke: ['rt-2'] });
  });
});

describe('withJitter', () => {
  it('adds a random part in [0, spread) from the random source', () => {
    expect(withJitter(0, () => 0)).toBe(0);
    expect(withJitter(0, () => 0.5)).toBe(5_000);
    expect(withJitter(1_000, () => 0.25, 2_000)).toBe(1_500);
    expect(withJitter(0, () => 0.9999999999)).toBeLessThan(10_000);
  });

  it('stays in range whatever the source gives, and never schedules in the past', () => {
    expect(withJitter(0, () => 1)).toBe(9_999);
    expect(withJitter(0, () => -3)).toBe(0);
    expect(withJitter(0, () => Number.NaN)).toBe(0);
    expect(withJitter(-500, () => 0)).toBe(0);
  });

  it('spreads many windows over the whole range', () => {
    let seed = 1;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const delays = Array.from({ length: 1000 }, () => withJitter(0, random));
    expect(Math.min(...delays)).toBeLessThan(500);
    expect(Math.max(...delays)).toBeGreaterThan(9_500);
    expect(new Set(delays.map(d => Math.floor(d / 1000))).size).toBe(10);
  });
});
