// A collection whose elements are computed from their index, never stored. Storey relation
// convention: elements [0, storeyLinked) lie on storey `index % storeyCount`; the rest have no
// storey. Then the k-th element on a storey range is plain arithmetic, for any size.

export interface IndexedList<T> {
  readonly count: number;
  at(index: number): T;
  /** The index encoded in `id`, or undefined when it is not an id of this list. */
  indexOf(id: string): number | undefined;
  /** How many leading elements follow the storey convention (0 = no storey relation). */
  readonly storeyLinked: number;
  readonly storeyCount: number;
}

/** A read-only window onto a list: the whole list, or the part on storeys [from, to). */
export interface Selection<T> {
  readonly total: number;
  at(k: number): T;
}

export function selectAll<T>(list: IndexedList<T>): Selection<T> {
  return { total: list.count, at: (k) => list.at(k) };
}

export function selectStoreys<T>(list: IndexedList<T>, from: number, to: number): Selection<T> {
  const span = list.storeyCount;
  const width = to - from;
  const linked = list.storeyLinked;
  if (span === 0 || width <= 0 || linked === 0) return { total: 0, at: () => { throw new RangeError('empty selection'); } };
  const cycles = Math.floor(linked / span);
  const rest = linked % span;
  const total = cycles * width + Math.max(0, Math.min(rest, to) - from);
  return {
    total,
    at: (k) => list.at(Math.floor(k / width) * span + from + (k % width)),
  };
}

/** One page of a selection; `offset` past the end gives an empty page. */
export function page<T>(selection: Selection<T>, offset: number, limit: number): T[] {
  const end = Math.min(selection.total, offset + limit);
  const items: T[] = [];
  for (let k = offset; k < end; k++) items.push(selection.at(k));
  return items;
}

/** A list backed by a small array (spatial structure, materials). */
export function arrayList<T extends { id: string }>(items: readonly T[]): IndexedList<T> {
  const byId = new Map(items.map((item, i) => [item.id.toLowerCase(), i]));
  return {
    count: items.length,
    at: (i) => items[i]!,
    indexOf: (id) => byId.get(id.toLowerCase()),
    storeyLinked: 0,
    storeyCount: 0,
  };
}
