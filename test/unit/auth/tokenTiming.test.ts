import { describe, expect, it } from 'vitest';
import { refreshDueAt } from '../../../src/core/auth/tokenClient';

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
