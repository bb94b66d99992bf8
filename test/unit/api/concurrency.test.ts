// The semaphore, the abortable sleep and the single-flight token renewal, without a server.
import { describe, expect, it } from 'vitest';
import { AbortedMarker, sleep } from '../../../src/core/api/abort';
import { Semaphore } from '../../../src/core/api/semaphore';
import { SharedRenewal } from '../../../src/core/api/tokenSource';

const tick = () => new Promise(r => setTimeout(r, 5));

describe('Semaphore', () => {
  it('never lets more than its capacity in, and serves waiters in order', async () => {
    const semaphore = new Semaphore(2);
    let inside = 0;
    let most = 0;
    const order: number[] = [];
    await Promise.all(Array.from({ length: 8 }, async (_, i) => {
      const release = await semaphore.acquire();
      order.push(i);
      most = Math.max(most, ++inside);
      await tick();
      inside--;
      release();
      release(); // twice is harmless
    }));
    expect(most).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(semaphore.inUse).toBe(0);
  });

  it('drops a waiter whose signal aborts', async () => {
    const semaphore = new Semaphore(1);
    const release = await semaphore.acquire();
    const controller = new AbortController();
    const waiting = semaphore.acquire(controller.signal);
    controller.abort();
    await expect(waiting).rejects.toBeInstanceOf(AbortedMarker);
    release();
    expect(semaphore.inUse).toBe(0);
    (await semaphore.acquire())();
  });
});

describe('sleep', () => {
  it('ends at once when aborted', async () => {
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 10);
    await expect(sleep(10_000, controller.signal)).rejects.toBeInstanceOf(AbortedMarker);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

/** A renewal that takes `delayMs` and counts how often it ran. */
function countingRenewal(delayMs = 20) {
  const counter = { runs: 0, renewal: undefined as unknown as SharedRenewal<string> };
  counter.renewal = new SharedRenewal(async () => {
    counter.runs++;
    await new Promise(r => setTimeout(r, delayMs));
    return `token-${counter.runs}`;
  });
  return counter;
}

describe('SharedRenewal', () => {
  it('makes one renewal for many concurrent callers, and a new one once that settled', async () => {
    const counter = countingRenewal();
    const tokens = await Promise.all(Array.from({ length: 10 }, () => counter.renewal.run(new AbortController().signal)));
    expect(counter.runs).toBe(1);
    expect(new Set(tokens)).toEqual(new Set(['token-1']));
    expect(await counter.renewal.run()).toBe('token-2');
    expect(counter.runs).toBe(2);
  });

  it('ends the wait of a caller who gives up, and keeps the renewal going for the others and to its end', async () => {
    const counter = countingRenewal(50);
    const quitter = new AbortController();
    const a = counter.renewal.run(quitter.signal);
    const b = counter.renewal.run(new AbortController().signal);
    quitter.abort();
    await expect(a).rejects.toBeInstanceOf(AbortedMarker);
    expect(await b).toBe('token-1');

    const alone = new AbortController();
    const c = counter.renewal.run(alone.signal);
    alone.abort(); // everyone gave up: the renewal still completes (its answer may carry a rotated refresh token)
    await expect(c).rejects.toBeInstanceOf(AbortedMarker);
    await counter.renewal.settled();
    expect(counter.runs).toBe(2);
    expect(await counter.renewal.run()).toBe('token-3');
  });

  it('does not start a renewal for a caller who already gave up', async () => {
    const counter = countingRenewal();
    const gone = new AbortController();
    gone.abort();
    await expect(counter.renewal.run(gone.signal)).rejects.toBeInstanceOf(AbortedMarker);
    expect(counter.runs).toBe(0);
  });

  it('passes a failed renewal to every waiter and tries again next time', async () => {
    let calls = 0;
    const renewal = new SharedRenewal<string>(async () => {
      calls++;
      await tick();
      throw new Error('invalid_grant');
    });
    const results = await Promise.allSettled([renewal.run(), renewal.run()]);
    expect(results.map(r => r.status)).toEqual(['rejected', 'rejected']);
    expect(calls).toBe(1);
    await expect(renewal.run()).rejects.toThrow('invalid_grant');
    expect(calls).toBe(2);
  });
});
