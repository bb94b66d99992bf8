// What a renewal attempt means (decideRenewal), case by case: pure, no clock, no storage.
import { describe, expect, it } from 'vitest';
import { AuthServerUnavailableError, OAuthError } from '../../../src/core/auth/authErrors';
import { decideRenewal, retryDelays, rotationGraceMs, type RenewalFacts } from '../../../src/core/auth/renewalDecision';
import { sessionEndedError, sessionEndMessage } from '../../../src/core/auth/sessionEnd';
import type { StoredSession } from '../../../src/core/auth/storedSession';

const refused = new OAuthError('invalid_grant', 'the refresh token is invalid', 'Renewing the BIMlink session');
const wrongSecret = new OAuthError('invalid_client', 'client authentication failed', 'Renewing the BIMlink session');
const offline = new AuthServerUnavailableError('The BIMlink sign-in server cannot be reached.', { kind: 'unreachable' });
const tokens = { accessToken: 'at', refreshToken: 'rt-2', issuedAt: 0, expiresAt: 3_600_000, scopes: [] };

function stored(refreshToken: string): StoredSession {
  return {
    id: 's1', account: { id: 'sub-anna', label: 'anna@example.nl' }, scopes: ['openid'], refreshToken, clientId: 'client',
    environmentKey: 'demo', authority: 'https://api.demo-bimlink.nl', clientSecretKey: 'bimlink.clientSecret:demo|client',
  };
}

const failed = (error: unknown, more: Partial<RenewalFacts> = {}): RenewalFacts =>
  ({ outcome: { kind: 'failed', error }, sent: 'rt-1', held: true, usedStoredToken: false, failures: 0, ...more });

describe('decideRenewal', () => {
  it('keeps the tokens of a renewal that worked', () => {
    expect(decideRenewal({ outcome: { kind: 'renewed', tokens }, sent: 'rt-1', held: true, usedStoredToken: false, failures: 3 }))
      .toEqual({ kind: 'renewed', tokens });
  });

  it('ends a session that has no refresh token: it expired', () => {
    expect(decideRenewal({ outcome: { kind: 'noRefreshToken' }, sent: '', held: true, usedStoredToken: false, failures: 0 }))
      .toEqual({ kind: 'ended', reason: { kind: 'expired' } });
  });

  it('gives a refused refresh token the grace another window needs to store the one it rotated to', () => {
    expect(decideRenewal(failed(refused))).toEqual({ kind: 'waitForRotation', ms: rotationGraceMs });
    expect(rotationGraceMs).toBe(1500);
  });

  it('renews with the newer refresh token another window stored meanwhile', () => {
    const newer = stored('rt-newer');
    expect(decideRenewal(failed(refused, { afterGrace: { stored: newer } }))).toEqual({ kind: 'useStoredToken', session: newer });
  });

  it('ends the session when storage holds the same refused token, or nothing, after the grace', () => {
    const ended = { kind: 'ended', reason: { kind: 'refused', description: 'the refresh token is invalid' } };
    expect(decideRenewal(failed(refused, { afterGrace: { stored: stored('rt-1') } }))).toEqual(ended);
    expect(decideRenewal(failed(refused, { afterGrace: { stored: undefined } }))).toEqual(ended);
  });

  it('tries another window\'s token once: refused too, the session ends without another wait', () => {
    expect(decideRenewal(failed(refused, { sent: 'rt-newer', usedStoredToken: true })))
      .toEqual({ kind: 'ended', reason: { kind: 'refused', description: 'the refresh token is invalid' } });
  });

  it('leaves a failure alone when the session was signed out while the attempt ran', () => {
    expect(decideRenewal(failed(refused, { held: false }))).toEqual({ kind: 'signedOutMeanwhile', error: refused });
    expect(decideRenewal(failed(offline, { held: false }))).toEqual({ kind: 'signedOutMeanwhile', error: offline });
  });

  it('keeps the session through a passing fault and backs off 15 s, 30 s, 1, 2, 5 min, then stays at 5 min, silently', () => {
    const delays = [0, 1, 2, 3, 4, 5, 9].map(failures => decideRenewal(failed(offline, { failures })));
    expect(delays.map(d => d.kind === 'retryLater' && [d.delayMs, d.tellUser])).toEqual(
      [[15_000, false], [30_000, false], [60_000, false], [120_000, false], [300_000, false], [300_000, false], [300_000, false]]);
    expect(retryDelays.at(-1)).toBe(300_000);
    expect(decideRenewal(failed(new TypeError('fetch failed')))).toMatchObject({ kind: 'retryLater', delayMs: 15_000, tellUser: false });
  });

  it('tells the user, on the first failure only, of a refusal only they can fix (a wrong client secret)', () => {
    expect(decideRenewal(failed(wrongSecret))).toEqual({ kind: 'retryLater', delayMs: 15_000, tellUser: true, error: wrongSecret });
    expect(decideRenewal(failed(wrongSecret, { failures: 1 }))).toMatchObject({ kind: 'retryLater', delayMs: 30_000, tellUser: false });
  });
});

describe('what an ended session says', () => {
  it('names the account and, for a refused token, the server\'s reason', () => {
    expect(sessionEndMessage('anna@example.nl', { kind: 'expired' })).toBe('Your BIMlink session for anna@example.nl has expired.');
    expect(sessionEndMessage('anna@example.nl', { kind: 'refused', description: 'token revoked' }))
      .toBe('Your BIMlink session for anna@example.nl has ended (token revoked).');
    expect(sessionEndMessage('anna@example.nl', { kind: 'refused' }))
      .toBe('Your BIMlink session for anna@example.nl has ended (the server no longer accepts it).');
    const error = sessionEndedError('anna@example.nl', { kind: 'refused' });
    expect([error.name, error.message]).toEqual(['SessionEndedError', 'Your BIMlink session for anna@example.nl has ended. Sign in again to continue.']);
  });
});
