// One piece of work that many callers wait for (a page read, a collection scan). Each caller's signal cancels only
// its own wait; the work itself is cancelled when the last caller has left, so nobody pays for a read nobody wants.
import { AbortedMarker } from '../api/abort';
import { CancelledError, type RequestLabel } from '../api/errors';

export class SharedWork<T> {
  private readonly controller = new AbortController();
  private readonly promise: Promise<T>;
  private waiting = 0;
  private settled = false;
  private failed = false;

  /** Starts `run` now. */
  constructor(run: (signal: AbortSignal) => Promise<T>) {
    this.promise = run(this.controller.signal).finally(() => { this.settled = true; });
    this.promise.catch(() => { this.failed = true; }); // each caller sees the failure through wait()
  }

  /** Whether a new caller may still wait for it: it was neither cancelled (everyone left) nor failed (not kept). */
  get live(): boolean {
    return !this.controller.signal.aborted && !this.failed;
  }

  /** Waits for the work; `signal` ends this wait only (with CancelledError naming `label`). */
  wait(given: AbortSignal | undefined, label: RequestLabel): Promise<T> {
    const signal = given ?? new AbortController().signal; // a caller without a signal waits to the end
    if (signal.aborted) {
      if (this.waiting === 0 && !this.settled) this.controller.abort(new AbortedMarker()); // nobody else wants it
      return Promise.reject(new CancelledError(label));
    }
    this.waiting++;
    return new Promise<T>((resolve, reject) => {
      const leave = (): void => {
        signal.removeEventListener('abort', onAbort);
        this.waiting--;
      };
      const onAbort = (): void => {
        leave();
        reject(new CancelledError(label));
        if (this.waiting === 0 && !this.settled) {
          this.controller.abort(new AbortedMarker());
        }
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.promise.then(value => { leave(); resolve(value); }, (error: unknown) => { leave(); reject(error); });
    });
  }
}
