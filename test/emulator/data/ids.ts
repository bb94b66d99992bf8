// Opaque, GUID-shaped ids. Static things (accounts, phases, storeys) get ids hashed from their
// names; generated entities get ids that ENCODE their index through an invertible scramble, so
// `/objectinstances/{id}` finds entity #n of a million-entity phase without any lookup table.

import { fmix32, hashString, mix } from '../random';

const hex = (value: number, digits: number): string => (value >>> 0).toString(16).padStart(8, '0').slice(-digits);

/** A GUID-shaped id derived from a name (stable across runs). */
export function guidFromName(name: string): string {
  const seed = hashString(name);
  const [a, b, c, d] = [1, 2, 3, 4].map((k) => mix(seed, k)) as [number, number, number, number];
  return `${hex(a, 8)}-${hex(b >>> 16, 4)}-4${hex(b, 3)}-${hex(0x8000 | (c & 0x3fff), 4)}-${hex(c >>> 16, 4)}${hex(d, 8)}`;
}

// Two odd multipliers and their inverses mod 2^32 make the index scramble invertible.
const M1 = 0x85ebca6b;
const M2 = 0xc2b2ae35;
const inverse = (odd: number): number => {
  let x = odd;
  for (let i = 0; i < 5; i++) x = Math.imul(x, 2 - Math.imul(odd, x));
  return x >>> 0;
};
const M1_INV = inverse(M1);
const M2_INV = inverse(M2);

function scramble(index: number, key: number): number {
  let x = Math.imul((index ^ key) >>> 0, M1) >>> 0;
  x = (x ^ (x >>> 16)) >>> 0;
  x = Math.imul(x, M2) >>> 0;
  return (x ^ (x >>> 16)) >>> 0;
}

function unscramble(value: number, key: number): number {
  let x = (value ^ (value >>> 16)) >>> 0;
  x = Math.imul(x, M2_INV) >>> 0;
  x = (x ^ (x >>> 16)) >>> 0;
  x = Math.imul(x, M1_INV) >>> 0;
  return (x ^ key) >>> 0;
}

/** The id of entity `index` of collection `collectionCode` in the phase with key `phaseKey`. */
export function entityId(phaseKey: number, collectionCode: number, index: number): string {
  const key = mix(phaseKey, collectionCode);
  const h1 = mix(key, index, 1);
  const h2 = mix(key, index, 2);
  return `${hex(scramble(index, key), 8)}-${hex(h1 >>> 16, 4)}-4${hex(h1, 3)}-${hex(0x8000 | (h2 & 0x3fff), 4)}-${hex(collectionCode, 4)}${hex(mix(key, index, 3), 8)}`;
}

const ENTITY_ID = /^([0-9a-f]{8})-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The index encoded in `id`, or undefined when `id` is not an id of that collection and phase. */
export function entityIndex(id: string, phaseKey: number, collectionCode: number): number | undefined {
  const normalized = id.toLowerCase();
  const match = ENTITY_ID.exec(normalized);
  if (!match) return undefined;
  const index = unscramble(parseInt(match[1]!, 16), mix(phaseKey, collectionCode));
  return entityId(phaseKey, collectionCode, index) === normalized ? index : undefined;
}

const IFC_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_$';

function ifcDigits(value: number, digits: number): string {
  let text = '';
  for (let d = digits - 1; d >= 0; d--) text += IFC_ALPHABET[(value >>> (6 * d)) & 63];
  return text;
}

/**
 * A 22-character IFC GlobalId (IFC's base-64 compression of a 128-bit GUID). The last word is
 * a bijection of the index, so GlobalIds are unique within a phase.
 */
export function ifcGlobalId(phaseKey: number, index: number): string {
  const words = [mix(phaseKey, index, 11), mix(phaseKey, index, 12), mix(phaseKey, index, 13), scramble(index, fmix32(phaseKey))];
  const bytes = words.flatMap((w) => [w >>> 24, (w >>> 16) & 0xff, (w >>> 8) & 0xff, w & 0xff]);
  let text = ifcDigits(bytes[0]!, 2);
  for (let k = 0; k < 5; k++) {
    text += ifcDigits((bytes[1 + 3 * k]! << 16) | (bytes[2 + 3 * k]! << 8) | bytes[3 + 3 * k]!, 4);
  }
  return text;
}
