// Comparing two phases over the real emulator in both dialects: a phase against itself, and consecutive phases of
// "Nieuwbouw Gebouw B" against the counts the emulator documents (test/emulator/README.md, "Phase history").
import { describe, expect, it, vi } from 'vitest';
import { CancelledError } from '../../../src/core/api/errors';
import { comparePhases, type ObjectDifference } from '../../../src/core/phases/phaseComparison';
import { ALL_PHASES } from '../../emulator/data/catalog';
import { DIALECTS, useDialectSessions } from '../references/support/dialectSessions';

const phaseOf = (project: string, code: string): string => ALL_PHASES.find(p => p.path[2] === project && p.code === code)!.id;

/** test/emulator/README.md, "Phase history": before, after, added, removed, changed, by field (name, type, IFC class, storey), unchanged. */
const DOCUMENTED = [
  ['Nieuwbouw Gebouw B', 'SO', 'VO', 2500, 2500, 56, 56, 212, 55, 38, 34, 124, 2232],
  ['Nieuwbouw Gebouw B', 'VO', 'DO', 2500, 2500, 56, 56, 179, 39, 22, 20, 124, 2265],
  ['Nieuwbouw Gebouw B', 'DO', 'UITV', 2500, 2500, 56, 56, 196, 38, 32, 28, 128, 2248],
  ['Nieuwbouw Gebouw B', 'UITV', 'BEH', 2500, 2500, 56, 56, 187, 39, 35, 30, 116, 2257],
].map(([project, from, to, ...counts]) => [project, from, to, counts] as [string, string, string, number[]]);

describe.each(DIALECTS)('phase comparison (%s)', (dialect) => {
  const session = useDialectSessions();

  it('finds nothing changed between a phase and itself', async () => {
    const { client, scope } = session(dialect);
    const differences: ObjectDifference[] = [];
    const summary = await comparePhases(client, scope, scope, { onDifference: d => differences.push(d) });
    expect(summary).toMatchObject({ before: 2500, after: 2500, added: 0, removed: 0, changed: 0, unchanged: 2500 });
    expect(differences).toEqual([]);
  });

  it.each(DOCUMENTED)('finds in %s %s → %s the differences the emulator documents', async (project, from, to, counts) => {
    const { client, scope } = session(dialect);
    const [before, after, added, removed, changed, name, type, ifcType, storey, unchanged] = counts as [number, number, number, number, number, number, number, number, number, number];
    const differences: ObjectDifference[] = [];
    const summary = await comparePhases(client, { ...scope, projectPhaseId: phaseOf(project, from) }, { ...scope, projectPhaseId: phaseOf(project, to) },
      { onDifference: d => differences.push(d) });
    expect(summary).toMatchObject({ before, after, added, removed, changed, unchanged, byField: { name, type, ifcType, storey }, notCompared: { type: 0, storey: 0 } });
    // every difference is reported once, each matched by its GlobalId, and the breakdowns add up to the totals
    expect(differences.length).toBe(added + removed + changed);
    expect(new Set(differences.map(d => d.key)).size).toBe(differences.length);
    expect(differences.every(d => d.matchedBy === 'globalId' && /^[0-9A-Za-z_$]{22}$/.test(d.key))).toBe(true);
    for (const rows of [summary.byIfcType, summary.byStorey]) {
      expect(rows.reduce((sum, r) => sum + r.added + r.removed + r.changed, 0)).toBe(differences.length);
    }
    const moved = differences.find(d => d.fields.includes('storey'))!;
    expect(moved.before!.storey).not.toBe(moved.after!.storey);
    expect(moved.after!.storey).toMatch(/ › (Hoofdgebouw|Fietsenstalling) › /);
    const renamed = differences.find(d => d.fields.includes('name'))!;
    expect(renamed.after!.name).toMatch(/\(rev \d+\)$/);
  });

  it('waits for its pace after a page before reading on, so a slow writer holds the reading back', async () => {
    const { client, scope } = session(dialect);
    let pages = 0;
    let paced = 0;
    let release = () => {};
    const run = comparePhases(client, scope, scope, {
      onProgress: () => { pages++; },
      pace: () => ++paced === 2 ? new Promise<void>(resolve => { release = resolve; }) : Promise.resolve(),
    });
    await vi.waitFor(() => expect(paced).toBe(2));
    await new Promise(resolve => setTimeout(resolve, 100));
    expect(pages).toBe(2); // no page read while the second one's differences are being written
    release();
    expect((await run).unchanged).toBe(2500);
    expect(pages).toBeGreaterThan(2);
  });

  it('reports progress over both phases and stops when cancelled', async () => {
    const { client, scope } = session(dialect);
    const controller = new AbortController();
    const seen: [number, number | undefined][] = [];
    const run = comparePhases(client, scope, scope, {
      signal: controller.signal,
      onProgress: (read, total) => { seen.push([read, total]); if (read > 3000) controller.abort(); },
    });
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    expect(seen.some(([read]) => read > 2500)).toBe(true);
    expect(seen.at(-1)![1]).toBe(5000);
  });
});
