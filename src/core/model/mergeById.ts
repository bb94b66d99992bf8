/**
 * Adds a newly loaded page to the items already shown: items whose id is already there replace it in place (fresher
 * data, no duplicate), new ones are appended in the page's order.
 */
export function mergeById<T extends { readonly id: string }>(shown: readonly T[], page: readonly T[]): T[] {
  const merged = [...shown];
  const index = new Map(merged.map((item, i) => [item.id, i]));
  for (const item of page) {
    const at = index.get(item.id);
    if (at === undefined) {
      index.set(item.id, merged.length);
      merged.push(item);
    } else {
      merged[at] = item;
    }
  }
  return merged;
}
