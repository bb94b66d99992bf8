/**
 * The order people expect for names: numbers by value ("Gebouw 2" before "Gebouw 10"), case and accents ignored,
 * in the user's locale. One collator for the whole extension, made on first use: creating one costs far more than
 * a comparison (about 7 ms, which at module load would count against the extension's activation).
 */
let collator: Intl.Collator | undefined;

/** Compares two names in natural order. */
export function compareNames(a: string, b: string): number {
  collator ??= new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  return collator.compare(a, b);
}

/** Compares two ids by their characters, so that names the collator holds equal still get one fixed order. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compares by name in natural order, ties broken by id: the same order whatever order the server sent. */
export function compareByName(a: { readonly name: string; readonly id: string }, b: { readonly name: string; readonly id: string }): number {
  return compareNames(a.name, b.name) || compareIds(a.id, b.id);
}
