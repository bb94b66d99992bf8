// The semaphore, the abortable sleep and the single-flight token refresh, without a server.
import { describe, expect, it } from 'vitest';
import { AbortedMarker, sleep } from '../../../src/core/api/abort';
import { Semaphore } from '../../../src/core/api/semaphore';
import { SharedTokenRefresh, type AccessTokenSource } from '../../../src/core/api/tokenSource';

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

function countingSource(delayMs = 20): AccessTokenSource & { refreshes: number; signals: AbortSignal[] } {
  let current = 'token-0';
  const source = {
    refreshes: 0,
    signals: [] as AbortSignal[],
    getAccessToken: async () => current,
    refreshAccessToken: async (_rejected: string, signal: AbortSignal) => {
      source.refreshes++;
      source.signals.push(signal);
      await new Promise(r => setTimeout(r, delayMs));
      current = `token-${source.refreshes}`;
      return current;
    },
  };
  return source;
}

describe('SharedTokenRefresh', () => {
  it('makes one refresh for many concurrent rejections of the same token', async () => {
    const source = countingSource();
    const shared = new SharedTokenRefresh(source);
    const signal = new AbortController().signal;
    const tokens = await Promise.all(Array.from({ length: 10 }, () => shared.refresh('token-0', signal)));
    expect(source.refreshes).toBe(1);
    expect(new Set(tokens)).toEqual(new Set(['token-1']));
    // a latecomer rejected with the old token gets the new one without another refresh
    expect(await shared.refresh('token-0', signal)).toBe('token-1');
    expect(source.refreshes).toBe(1);
    // the new token rejected too: a second refresh
    expect(await shared.refresh('token-1', signal)).toBe('token-2');
    expect(source.refreshes).toBe(2);
  });

  it('keeps the refresh for the callers still waiting when one gives up, and stops it when all do', async () => {
    const source = countingSource(50);
    const shared = new SharedTokenRefresh(source);
    const quitter = new AbortController();
    const stayer = new AbortController();
    const a = shared.refresh('token-0', quitter.signal);
    const b = shared.refresh('token-0', stayer.signal);
    quitter.abort();
    await expect(a).rejects.toBeInstanceOf(AbortedMarker);
    expect(source.signals[0]!.aborted).toBe(false);
    expect(await b).toBe('token-1');

    const c1 = new AbortController();
    const c = shared.refresh('token-1', c1.signal);
    await tick();
    c1.abort();
    await expect(c).rejects.toBeInstanceOf(AbortedMarker);
    expect(source.signals[1]!.aborted).toBe(true);
  });

  it('passes a failed refresh to every waiter and tries again next time', async () => {
    let calls = 0;
    const shared = new SharedTokenRefresh({
      getAccessToken: async () => 't',
      refreshAccessToken: async () => {
        calls++;
        await tick();
        throw new Error('invalid_grant');
      },
    });
    const signal = new AbortController().signal;
    const results = await Promise.allSettled([shared.refresh('t', signal), shared.refresh('t', signal)]);
    expect(results.map(r => r.status)).toEqual(['rejected', 'rejected']);
    expect(calls).toBe(1);
    await expect(shared.refresh('t', signal)).rejects.toThrow('invalid_grant');
    expect(calls).toBe(2);
  });
});
