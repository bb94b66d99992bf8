// Deterministic randomness. The emulator never uses Math.random: data is a pure function of
// (seed, index) so a 1,000,000-entity phase needs no memory, and fault decisions come from a
// seeded stream so a test run can be reproduced exactly.

/** murmur3's 32-bit finaliser: a cheap, well-mixed bijection on uint32. */
export function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hashes any number of integers into one uint32 (order-sensitive). */
export function mix(...values: number[]): number {
  let h = 0x9e3779b9;
  for (const value of values) {
    h = fmix32(h ^ fmix32((value >>> 0) ^ Math.floor(value / 0x1_0000_0000)));
    h = (Math.imul(h, 5) + 0xe6546b64) >>> 0;
  }
  return fmix32(h);
}

/** FNV-1a, for turning names into seeds. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/** A float in [0, 1) from a uint32 hash. */
export function unit(hash: number): number {
  return (hash >>> 0) / 0x1_0000_0000;
}

/** Picks an element by hash. */
export function pick<T>(items: readonly T[], hash: number): T {
  return items[(hash >>> 0) % items.length]!;
}

/** Picks an element by hash, with weights. */
export function pickWeighted<T extends { weight: number }>(items: readonly T[], hash: number): T {
  const total = items.reduce((sum, item) => sum + item.weight, 0);
  let point = unit(hash) * total;
  for (const item of items) {
    point -= item.weight;
    if (point < 0) return item;
  }
  return items[items.length - 1]!;
}

/** mulberry32: a tiny seeded PRNG stream (fault decisions). */
export function createPrng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 0x1_0000_0000;
  };
}
