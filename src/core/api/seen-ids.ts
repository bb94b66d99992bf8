// Remembers which ids a paginated read has already yielded, in 8 bytes per id instead of a Set of strings
// (~70 bytes each), so reading a million entities stays light. An id is stored as a 64-bit fingerprint; two
// different ids sharing one has a chance of about n²/2⁶⁵ (3·10⁻⁸ for a million ids).

export class SeenIds {
  /** Open addressing, linear probing: slot i holds lanes [2i, 2i+1]; (0,0) means empty. */
  private slots = new Int32Array(2 * 1024);
  private mask = 1023;
  private count = 0;

  get size(): number {
    return this.count;
  }

  /**
   * Makes room for `expected` ids at once (when the total is known), so the table does not grow step by step:
   * each growth briefly holds the old and the new table. Capped, because a total can be a lie.
   */
  reserve(expected: number): void {
    const wanted = Math.min(Math.max(0, expected), MAX_RESERVED_IDS);
    let slots = this.mask + 1;
    while (wanted * 2 > slots) slots *= 2;
    if (slots > this.mask + 1) this.resize(slots);
  }

  /** Records `id`; true when it was not seen before. */
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
    if (!this.insert(a, b)) return false;
    if (++this.count * 2 > this.mask + 1) this.grow();
    return true;
  }

  private insert(a: number, b: number): boolean {
    const slots = this.slots;
    for (let i = (a ^ (b >>> 7)) & this.mask; ; i = (i + 1) & this.mask) {
      const x = slots[2 * i];
      const y = slots[2 * i + 1];
      if (x === 0 && y === 0) {
        slots[2 * i] = a;
        slots[2 * i + 1] = b;
        return true;
      }
      if (x === a && y === b) return false;
    }
  }

  private grow(): void {
    this.resize((this.mask + 1) * 2);
  }

  private resize(slotCount: number): void {
    const old = this.slots;
    this.slots = new Int32Array(slotCount * 2);
    this.mask = slotCount - 1;
    for (let i = 0; i < old.length; i += 2) if (old[i] !== 0 || old[i + 1] !== 0) this.insert(old[i], old[i + 1]);
  }
}

/** The most ids `reserve` makes room for in advance (16 MB of table); beyond that the table grows as ids come. */
const MAX_RESERVED_IDS = 1 << 20;
