/**
 * Tree node ids come from the data path — environment, account, then each level's own id — never from labels, so
 * a node keeps its id (and VS Code keeps it expanded and selected) across refreshes and renames.
 */

/** One step of the path: a level's kind and the id of what it shows, or a kind alone for a status row (`error`). */
export type PathSegment = readonly [kind: string, id?: string];

/** The id of a node: `base` (the scope, or the id of the node it hangs from) and the path below it. */
export function nodeId(base: string, path: readonly PathSegment[]): string {
  return [base, ...path.map(([kind, id]) => id === undefined ? kind : `${kind}=${encodeURIComponent(id)}`)].join('/');
}
