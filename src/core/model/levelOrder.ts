import type { ProjectPhase } from '../api/dto';
import { compareByName } from './naturalOrder';

// The order of the explorer's levels, whatever order the server sends them in (BIMlink sends them by id). Each
// returns a sorted copy and leaves its input alone: the input is the loaded data the nodes keep.

/** Domain accounts, locations and projects: by name in natural order, then by id. */
export function sortByName<T extends { readonly name: string; readonly id: string }>(items: readonly T[]): T[] {
  return [...items].sort(compareByName);
}

/** Phases in the project's order (design, construction, operations …); phases without an order last, by name. */
export function sortPhases<T extends Pick<ProjectPhase, 'name' | 'id' | 'order'>>(phases: readonly T[]): T[] {
  return [...phases].sort((a, b) => compareOrder(a.order, b.order) || compareByName(a, b));
}

function compareOrder(a: number | undefined, b: number | undefined): number {
  const known = (order: number | undefined) => typeof order === 'number' && Number.isFinite(order);
  if (!known(a) || !known(b)) return Number(!known(a)) - Number(!known(b));
  return a! - b!;
}
