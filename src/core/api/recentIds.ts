// Remembers the ids a paginated read has yielded lately, so that a page repeating ids — the collection shifted
// between two requests, or the server ignores `offset` — yields each id once. Only the most recent ids are kept
// (at least `window` of them, at most twice that), so memory stays flat however large the collection: with
// offset pagination a repeat comes from neighbouring pages, while an entity that moves far in the order cannot be
// handled exactly by any id table (moving towards the start, it is skipped, and no table sees that).
// An id is kept as a 64-bit fingerprint, 8 bytes instead of ~70 for a string in a Set; two different ids among
// those remembered share one with a chance of about n²/2⁶⁵.

export class RecentIds {
  private current = new FingerprintTable();
  private previous = new FingerprintTable();

  constructor(private readonly window = DEFAULT_WINDOW) {}

  /** How many ids are remembered now. */
  get size(): number {
    return this.current.size + this.previous.size;
  }

  /**
   * Makes room for `expected` ids at once (when the total is known), so the table does not grow step by step:
   * each growth briefly holds the old and the new table. Never more than the window, whatever a total claims.
   */
  reserve(expected: number): void {
    this.current.reserve(Math.min(Math.max(0, expected), this.window));
  }

  /** Records `id`; true when it is not among the ids remembered. */
  add(id: string): boolean {
    let a = 0xdeadbeef;
    let b = 0x41c6ce57;
    for (let i = 0; i < id.length; i++) {
      const c = id.charCodeAt(i);
      a = Math.imul(a ^ c, 2654435761);
      b = Math.imul(b ^ c, 1597334677);
    }
    a = Math.imul(a ^ (a >>> 16), 2246822507) ^ Math.imul(b ^ (b >>> 13), 3266489909);
    b = Math.imul(b ^ (b >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909);
    if (a === 0 && b === 0) b = 1;
    if (this.previous.has(a, b) || !this.current.insert(a, b)) return false;
    if (this.current.size >= this.window) {
      // the older half is forgotten; the window's worth just added stays
      this.previous = this.current;
      this.current = new FingerprintTable();
      this.current.reserve(this.window);
    }
    return true;
  }
}

/** Ids remembered at least: far more than the pages a read has in flight (a few thousand ids). 2 MB per table. */
const DEFAULT_WINDOW = 1 << 17;

/** A set of 64-bit fingerprints: open addressing, linear probing; slot i holds lanes [2i, 2i+1], (0,0) is empty. */
class FingerprintTable {
  private slots = new Int32Array(2 * 1024);
  private mask = 1023;
  private count = 0;

  get size(): number {
    return this.count;
  }

  reserve(expected: number): void {
    let slots = this.mask + 1;
    while (expected * 2 > slots) slots *= 2;
    if (slots > this.mask + 1) this.resize(slots);
  }

  has(a: number, b: number): boolean {
    const slots = this.slots;
    for (let i = (a ^ (b >>> 7)) & this.mask; ; i = (i + 1) & this.mask) {
      const x = slots[2 * i];
      const y = slots[2 * i + 1];
      if (x === 0 && y === 0) return false;
      if (x === a && y === b) return true;
    }
  }

  /** Adds the fingerprint; false when it was there already. */
  insert(a: number, b: number): boolean {
    const slots = this.slots;
    for (let i = (a ^ (b >>> 7)) & this.mask; ; i = (i + 1) & this.mask) {
      const x = slots[2 * i];
      const y = slots[2 * i + 1];
      if (x === 0 && y === 0) {
        slots[2 * i] = a;
        slots[2 * i + 1] = b;
        if (++this.count * 2 > this.mask + 1) this.resize((this.mask + 1) * 2);
        return true;
      }
      if (x === a && y === b) return false;
    }
  }

  private resize(slotCount: number): void {
    const old = this.slots;
    this.slots = new Int32Array(slotCount * 2);
    this.mask = slotCount - 1;
    this.count = 0;
    for (let i = 0; i < old.length; i += 2) if (old[i] !== 0 || old[i + 1] !== 0) this.insert(old[i]!, old[i + 1]!);
  }
}
