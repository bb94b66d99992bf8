/**
 * Runs this window's storage changes one at a time, each on the latest state the one before wrote: SecretStorage has
 * no transactions, and a read-change-write that overlaps another would drop that one's change.
 */
export class StorageWrites {
  private last: Promise<unknown> = Promise.resolve();

  run<T>(change: () => Promise<T>): Promise<T> {
    const write = this.last.then(change);
    this.last = write.catch(() => undefined);
    return write;
  }

  /** Settles once every change queued so far has. */
  async idle(): Promise<void> {
    await this.last;
  }
}
