/**
 * Runs this window's storage changes one at a time, each on the latest state the one before wrote: SecretStorage has
 * no transactions, and a read-change-write that overlaps another would drop that one's change.
 */
export class StorageWrites {
  private last: Promise<unknown> = Promise.resolve();
  /** How many changes were queued so far: a read that saw it change may hold a state a change has since replaced. */
  private queued = 0;

  get count(): number {
    return this.queued;
  }

  run<T>(change: () => Promise<T>): Promise<T> {
    this.queued++;
    const write = this.last.then(change);
    this.last = write.catch(() => undefined);
    return write;
  }

  /** Settles once every change queued so far has. */
  async idle(): Promise<void> {
    await this.last;
  }
}
