// Matching two phases' objects by key (the GlobalId, else the id): the earlier phase's objects are held, one entry
// each, and every object of the later phase takes the first one held under its key. A key repeated within a phase (a
// model exported with duplicate GlobalIds) is matched occurrence by occurrence, so no object is lost or matched
// twice, and the later phase, streamed past, is never held.
export class PhaseMatcher<T> {
  private readonly held = new Map<string, T>();
  /** The second and later objects held under a key: rare, so kept apart from the one entry per key. */
  private readonly repeats = new Map<string, T[]>();

  hold(key: string, value: T): void {
    if (!this.held.has(key)) this.held.set(key, value);
    else (this.repeats.get(key) ?? this.repeats.set(key, []).get(key)!).push(value);
  }

  /** The first object held under `key`, no longer held; undefined when none is (left). */
  take(key: string): T | undefined {
    const value = this.held.get(key);
    if (value === undefined) return undefined;
    const more = this.repeats.get(key);
    if (more) {
      this.held.set(key, more.shift()!);
      if (!more.length) this.repeats.delete(key);
    } else {
      this.held.delete(key);
    }
    return value;
  }

  /** Every object still held, with its key: those no object of the later phase took. */
  *left(): Generator<[string, T]> {
    for (const [key, value] of this.held) {
      yield [key, value];
      for (const more of this.repeats.get(key) ?? []) yield [key, more];
    }
  }
}
