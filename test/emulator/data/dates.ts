// Deterministic timestamps: a collection's items are spread over two years from a fixed start,
// in index order, with some jitter.

import { mix } from '../random';

const START = Date.UTC(2023, 0, 9, 8, 0, 0);
const SPAN_MS = 2 * 365 * 24 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

export function spreadTimestamp(index: number, count: number, seed: number): number {
  return START + Math.floor((index / Math.max(1, count)) * SPAN_MS) + (mix(seed, index) % 3600) * 1000;
}

export const isoDateTime = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export const addDays = (ms: number, days: number): number => ms + days * DAY_MS;
