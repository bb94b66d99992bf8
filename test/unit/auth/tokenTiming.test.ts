import { describe, expect, it } from 'vitest';
import { refreshDueAt, usableUntil } from '../../../src/core/auth/tokenClient';

describe('refreshDueAt', () => {
  it('is two thirds into the lifetime', () => {
    expect(refreshDueAt({ issuedAt: 1_000_000, expiresAt: 1_000_000 + 3_600_000 })).toBe(1_000_000 + 2_400_000);
    expect(refreshDueAt({ issuedAt: 0, expiresAt: 30_000 })).toBe(20_000);
  });

  it('is at once for a token that is already expired or has no lifetime', () => {
    expect(refreshDueAt({ issuedAt: 5_000, expiresAt: 5_000 })).toBe(5_000);
    expect(refreshDueAt({ issuedAt: 5_000, expiresAt: 1_000 })).toBe(5_000);
  });
});

describe('usableUntil', () => {
  it('is 30 s before expiry for an ordinary token', () => {
    expect(usableUntil({ issuedAt: 0, expiresAt: 3_600_000 })).toBe(3_570_000);
  });

  it('leaves a short-lived token most of its life, so it is not renewed on every request', () => {
    expect(usableUntil({ issuedAt: 0, expiresAt: 20_000 })).toBeCloseTo(13_333, 0);
    expect(usableUntil({ issuedAt: 0, expiresAt: 20_000 })).toBeGreaterThanOrEqual(refreshDueAt({ issuedAt: 0, expiresAt: 20_000 }) - 1);
    expect(usableUntil({ issuedAt: 5_000, expiresAt: 5_000 })).toBe(5_000);
  });
});
