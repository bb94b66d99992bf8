/**
 * How far apart the first renewals after a restore are spread. Windows restored together hold the same refresh
 * tokens; renewing them at the same instant sends one token several times, and a server that rotates refresh tokens
 * refuses all but the first (some then revoke the whole grant). Spread over 10 s, each window's renewal finds the
 * token the one before stored (SecretStorage tells every window of a change). A request that needs a token sooner
 * renews on demand, so the spread never delays the user.
 */
export const restoreSpreadMs = 10_000;

/** `delayMs` plus a random part in [0, spreadMs), from `random` (a source like Math.random: [0, 1)). */
export function withJitter(delayMs: number, random: () => number, spreadMs = restoreSpreadMs): number {
  const r = random();
  const fraction = Number.isFinite(r) ? Math.min(Math.max(r, 0), 1 - Number.EPSILON) : 0;
  return Math.max(delayMs, 0) + Math.floor(fraction * spreadMs);
}
