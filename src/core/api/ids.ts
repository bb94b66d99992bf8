// Ids are opaque strings, but GUIDs come upper- or lowercase (between the token's `sub`, paths and bodies, and between
// servers): two ids name the same thing when they are equal ignoring case.

/** Whether two ids name the same thing. */
export function sameId(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && (a === b || a.toLowerCase() === b.toLowerCase());
}

/** The form of an id to use as a map key, so that `ABC-1` and `abc-1` find the same entry. */
export function idKey(id: string): string {
  return id.toLowerCase();
}
