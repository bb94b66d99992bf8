/**
 * Tree node ids come from the data path — environment, account, then each level's own id — never from labels, so
 * a node keeps its id (and VS Code keeps it expanded and selected) across refreshes and renames.
 */
export type PathSegment = readonly [kind: string, id: string];

export function nodeId(scope: string, path: readonly PathSegment[]): string {
  return [scope, ...path.map(([kind, id]) => `${kind}=${encodeURIComponent(id)}`)].join('/');
}
