// Small AbortSignal helpers that do not rely on AbortSignal.any (and its listener leaks on long-lived signals).

/** A controller that aborts when `parent` does; `dispose()` detaches it so long-lived parents do not grow. */
export function childController(parent: AbortSignal | undefined): { controller: AbortController; dispose(): void } {
  const controller = new AbortController();
  if (!parent) return { controller, dispose: () => undefined };
  if (parent.aborted) {
    controller.abort(parent.reason);
    return { controller, dispose: () => undefined };
  }
  const onAbort = (): void => controller.abort(parent.reason);
  parent.addEventListener('abort', onAbort, { once: true });
  return { controller, dispose: () => parent.removeEventListener('abort', onAbort) };
}

/** Marker thrown by the helpers below when the caller's signal aborts; the HTTP layer turns it into CancelledError. */
export class AbortedMarker extends Error {
  constructor() {
    super('aborted');
  }
}

/** Resolves after `ms`, or rejects with AbortedMarker as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new AbortedMarker());
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new AbortedMarker());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Races `promise` against `signal`: rejects with AbortedMarker when the signal aborts first. */
export function raceAbort<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(new AbortedMarker());
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new AbortedMarker());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      value => { signal.removeEventListener('abort', onAbort); resolve(value); },
      error => { signal.removeEventListener('abort', onAbort); reject(error); },
    );
  });
}
