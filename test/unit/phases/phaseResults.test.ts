// The phase results kept until Refresh: only a computation that completes, and was not overtaken by a Refresh, is
// kept; two requests for the same phases while it runs share it.
import { describe, expect, it } from 'vitest';
import type { BimlinkClient } from '../../../src/core/api';
import { PhaseResults } from '../../../src/vscode/phases/phaseResults';
import { CancellationError } from '../fakes/vscode';

const client = {} as BimlinkClient;
const scope = { domainAccountId: 'DA', projectPhaseId: 'DO' };
const other = { domainAccountId: 'DA', projectPhaseId: 'VO' };

function results(): PhaseResults {
  return new PhaseResults({ onDidChange: () => ({ dispose() {} }) } as never);
}

/** A computation the test settles, counting how often it was started. */
function controlled<T>() {
  const runs: { resolve: (value: T) => void; reject: (error: unknown) => void }[] = [];
  const compute = () => new Promise<T>((resolve, reject) => { runs.push({ resolve, reject }); });
  return { runs, compute };
}

describe('the phase results', () => {
  it('keep a completed computation until Refresh', async () => {
    const kept = results();
    let computed = 0;
    const compute = async () => ++computed;
    expect(await kept.get(client, 'overview', [scope], compute)).toBe(1);
    expect(await kept.get(client, 'overview', [{ domainAccountId: 'da', projectPhaseId: 'do' }], compute)).toBe(1);
    kept.forget();
    expect(await kept.get(client, 'overview', [scope], compute)).toBe(2);
  });

  it('do not keep a cancelled or failed computation', async () => {
    const kept = results();
    await expect(kept.get(client, 'overview', [scope], () => Promise.reject(new CancellationError()))).rejects.toThrow('Canceled');
    await expect(kept.get(client, 'overview', [scope], () => Promise.reject(new Error('500')))).rejects.toThrow('500');
    expect(await kept.get(client, 'overview', [scope], async () => 'read')).toBe('read');
  });

  it('do not keep what a computation finds when Refresh came while it ran', async () => {
    const kept = results();
    const { runs, compute } = controlled<string>();
    const first = kept.get(client, 'comparison', [other, scope], compute);
    kept.forget();
    runs[0]!.resolve('stale');
    expect(await first).toBe('stale'); // whoever waited still gets it
    const again = kept.get(client, 'comparison', [other, scope], compute);
    expect(runs).toHaveLength(2);
    runs[1]!.resolve('fresh');
    expect(await again).toBe('fresh');
  });

  it('start afresh after a phase\'s Refresh, not joining the computation it overtook', async () => {
    const kept = results();
    const { runs, compute } = controlled<string>();
    const first = kept.get(client, 'comparison', [other, scope], compute);
    kept.forget(other);
    const second = kept.get(client, 'comparison', [other, scope], compute);
    expect(runs).toHaveLength(2);
    runs[1]!.resolve('fresh');
    runs[0]!.resolve('stale');
    expect([await first, await second]).toEqual(['stale', 'fresh']);
    expect(await kept.get(client, 'comparison', [other, scope], compute)).toBe('fresh');
  });

  it('compute once for two requests at the same time', async () => {
    const kept = results();
    const { runs, compute } = controlled<number>();
    const both = [kept.get(client, 'overview', [scope], compute), kept.get(client, 'overview', [scope], compute)];
    expect(runs).toHaveLength(1);
    runs[0]!.resolve(7);
    expect(await Promise.all(both)).toEqual([7, 7]);
    expect(runs).toHaveLength(1);
  });

  it('share a failure only with those who waited; the next request computes again', async () => {
    const kept = results();
    const { runs, compute } = controlled<number>();
    const both = [kept.get(client, 'overview', [scope], compute), kept.get(client, 'overview', [scope], compute)];
    expect(runs).toHaveLength(1);
    runs[0]!.reject(new CancellationError());
    for (const waiting of both) await expect(waiting).rejects.toThrow('Canceled');
    const again = kept.get(client, 'overview', [scope], compute);
    expect(runs).toHaveLength(2);
    runs[1]!.resolve(8);
    expect(await again).toBe(8);
  });

  it('forget everything when the client changes, and keep nothing the old client was still computing', async () => {
    const kept = results();
    const { runs, compute } = controlled<string>();
    const old = kept.get(client, 'overview', [scope], compute);
    const next = {} as BimlinkClient;
    const fresh = kept.get(next, 'overview', [scope], compute);
    expect(runs).toHaveLength(2);
    runs[0]!.resolve('old server');
    runs[1]!.resolve('new server');
    expect([await old, await fresh]).toEqual(['old server', 'new server']);
    expect(await kept.get(next, 'overview', [scope], compute)).toBe('new server');
  });
});
