// The phases of one project are one history of "lineages" (an object's identity, its IFC
// GlobalId). Phase k holds lineages [k·step, k·step + count_k): from one phase to the next
// `step` lineages are dropped at the front and new ones appended. Index i of phase k is lineage
// k·step + i, except that some index pairs (2j, 2j+1) swap lineages, which moves both objects to
// the other's storey. Renames and retypes are picked per (lineage, phase). All O(1) per object
// (a loop over the project's few phases at most), so a million-object phase needs no memory.

import { mix } from '../random';
import type { PhaseNode } from './catalog';
import { objectTypeCount } from './sizes';

export interface PhaseHistory {
  readonly projectKey: number;
  /** This phase's position k in its project. */
  readonly ordinal: number;
  /** Lineages removed (and added) per phase: a multiple of lcm(2, storeys), so lineage and index share their storey and pairs. */
  readonly step: number;
  /** Object instances of every phase of the project. */
  readonly counts: readonly number[];
  /** Object types of every phase of the project. */
  readonly typeCounts: readonly number[];
  readonly storeyCount: number;
}

/** Per mille of index pairs swapped in a phase, objects renamed per phase; retyped is per 10,000. */
const SWAP_PER_MILLE = 25;
const RENAME_PER_MILLE = 20;
const RETYPE_PER_10000 = 125;
/** Share of an ordinary phase's size removed and added per step (about). */
const STEP_SHARE = 0.02;

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

export function phaseHistory(
  phase: PhaseNode,
  sizes: { readonly objectInstances: number; readonly largePhaseObjectInstances: number },
  storeyCount: number,
): PhaseHistory {
  const counts = phase.projectSizes.map((size) => (size === 'large' ? sizes.largePhaseObjectInstances : sizes.objectInstances));
  const unit = (2 * storeyCount) / gcd(2, storeyCount);
  return {
    projectKey: phase.projectKey,
    ordinal: phase.ordinal,
    step: unit * Math.max(1, Math.round((STEP_SHARE * sizes.objectInstances) / unit)),
    counts,
    typeCounts: counts.map(objectTypeCount),
    storeyCount,
  };
}

/** Whether lineage `lineage` exists in phase `k`. */
export const inPhase = (h: PhaseHistory, k: number, lineage: number): boolean =>
  lineage >= k * h.step && lineage < k * h.step + h.counts[k]!;

/** Whether the index pair holding lineage pair `lineage >> 1` is swapped in phase k (both indexes in range). */
export function isSwapped(h: PhaseHistory, k: number, lineage: number): boolean {
  const natural = lineage - k * h.step;
  return natural >= 0 && (natural | 1) < h.counts[k]! && mix(h.projectKey, 80, lineage >>> 1, k) % 1000 < SWAP_PER_MILLE;
}

/** The lineage of index `index` in this phase (a self-inverse map: also the index of a lineage, offset by k·step). */
export function lineageAt(h: PhaseHistory, index: number): number {
  const natural = h.ordinal * h.step + index;
  return isSwapped(h, h.ordinal, natural) ? natural ^ 1 : natural;
}

/** The index of `lineage` in phase k, or undefined when the lineage is not in that phase. */
export function indexOfLineage(h: PhaseHistory, k: number, lineage: number): number | undefined {
  if (!inPhase(h, k, lineage)) return undefined;
  return (isSwapped(h, k, lineage) ? lineage ^ 1 : lineage) - k * h.step;
}

/** The first phase holding the lineage (its "original" type is drawn from that phase's types). */
export function birthOrdinal(h: PhaseHistory, lineage: number): number {
  for (let k = 0; k < h.counts.length; k++) if (inPhase(h, k, lineage)) return k;
  return h.ordinal;
}

/** Renamed in phase k: only where it also existed the phase before. */
export const isRenamed = (h: PhaseHistory, k: number, lineage: number): boolean =>
  k >= 1 && inPhase(h, k - 1, lineage) && mix(h.projectKey, 81, lineage, k) % 1000 < RENAME_PER_MILLE;

export const isRetyped = (h: PhaseHistory, k: number, lineage: number): boolean =>
  k >= 1 && inPhase(h, k - 1, lineage) && mix(h.projectKey, 82, lineage, k) % 10000 < RETYPE_PER_10000;

/** How often the lineage was renamed up to this phase. */
export function renameCount(h: PhaseHistory, lineage: number): number {
  let count = 0;
  for (let k = 1; k <= h.ordinal; k++) if (inPhase(h, k, lineage) && isRenamed(h, k, lineage)) count++;
  return count;
}
