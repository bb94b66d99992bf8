// The phase overview over the real emulator in both dialects: every count checked against the API read another way
// (the server's own storey filter and totals), and the order and grouping of the bars.
import { describe, expect, it } from 'vitest';
import { CancelledError } from '../../../src/core/api/errors';
import { computePhaseOverview, NAMED_CLASSES, type PhaseOverview } from '../../../src/core/phases/phaseOverview';
import { DIALECTS, useDialectSessions, type DialectSession } from '../references/support/dialectSessions';

const overviews = new Map<string, PhaseOverview>();
async function overviewOf(session: DialectSession): Promise<PhaseOverview> {
  const cached = overviews.get(session.dialect);
  if (cached) return cached;
  const overview = await computePhaseOverview(session.client, session.scope);
  overviews.set(session.dialect, overview);
  return overview;
}

describe.each(DIALECTS)('phase overview (%s)', (dialect) => {
  const session = useDialectSessions();

  it('counts every collection as the server totals it', async () => {
    const { client, scope } = session(dialect);
    const overview = await overviewOf(session(dialect));
    const names = (await client.discoverCollections()).map(c => c.name);
    expect(overview.collections.map(c => c.collection)).toEqual(names);
    for (const { collection, total } of overview.collections) {
      let read = 0;
      if (collection === 'objectinstances' || collection === 'objecttypes') {
        for await (const page of client.entityPages({ ...scope, collection }, { limit: 250 })) read += page.items.length;
        expect(total, collection).toBe(read);
      } else {
        expect(total, collection).toBeGreaterThan(0);
      }
    }
    expect(overview.objects.total).toBe(2500);
  });

  it('gives each storey the objects the server files under it, in building order from the top floor down', async () => {
    const { client, scope } = session(dialect);
    const overview = await overviewOf(session(dialect));
    const storeys = (await client.getSpatialStructure(scope)).filter(e => e.type === 'Storey');
    expect(overview.bars.map(b => b.storeyId)).toEqual(expect.arrayContaining(storeys.map(s => s.id)));
    for (const bar of overview.bars) {
      const page = await client.getEntityPage({ ...scope, collection: 'objectinstances', storeyId: bar.storeyId! }, { offset: 0, limit: 1 });
      expect(bar.total, bar.name).toBe(page.total);
      expect(bar.segments.reduce((sum, s) => sum + s.count, 0)).toBe(bar.total);
    }
    expect(overview.bars.reduce((sum, b) => sum + b.total, 0)).toBe(2500);
    // within one parent, elevations fall from the top floor down
    for (let i = 1; i < overview.bars.length; i++) {
      const [above, below] = [overview.bars[i - 1]!, overview.bars[i]!];
      if (above.parents.join('/') === below.parents.join('/')) expect(above.elevation!).toBeGreaterThan(below.elevation!);
    }
    expect(overview.bars.every(b => b.parents.length > 0 && b.elevation !== undefined)).toBe(true);
  });

  it('names the largest IFC classes and groups the rest, with the per-class counts of a plain read', async () => {
    const { client, scope } = session(dialect);
    const overview = await overviewOf(session(dialect));
    const counted = new Map<string, number>();
    for await (const page of client.entityPages({ ...scope, collection: 'objectinstances' }, { limit: 250 })) {
      for (const item of page.items) {
        const ifc = String(item[dialect === 'aspnet' ? 'IfcType' : 'ifcType']);
        counted.set(ifc, (counted.get(ifc) ?? 0) + 1);
      }
    }
    expect(Object.fromEntries(overview.objects.byIfcType.map(t => [t.ifcType, t.count]))).toEqual(Object.fromEntries(counted));
    const counts = overview.objects.byIfcType.map(t => t.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const named = overview.objects.byIfcType.slice(0, NAMED_CLASSES).map(t => t.ifcType);
    for (const bar of overview.bars) {
      const labels = bar.segments.map(s => s.label);
      expect(labels.filter(l => !l.startsWith('Other'))).toEqual(named.filter(n => labels.includes(n)));
      const other = bar.segments.find(s => s.label.startsWith('Other'));
      if (counted.size > NAMED_CLASSES + 1) {
        expect(other?.ifcTypes.every(t => !named.includes(t))).toBe(true);
        expect(other?.label).toBe(`Other (${other!.ifcTypes.length} classes)`);
      }
    }
  });

  it('gives the counts the emulator documents for "Nieuwbouw Gebouw B", phase DO', async () => {
    const overview = await overviewOf(session(dialect));
    // building parts in the explorer's order (by name), each from its top floor down
    expect(overview.bars.map(b => [b.parents.at(-1), b.name, b.elevation, b.total])).toEqual([
      ['Fietsenstalling', '00 Begane grond', 0, 357],
      ['Hoofdgebouw', '04 Vierde verdieping', 14.4, 357],
      ['Hoofdgebouw', '03 Derde verdieping', 10.8, 357],
      ['Hoofdgebouw', '02 Tweede verdieping', 7.2, 357],
      ['Hoofdgebouw', '01 Eerste verdieping', 3.6, 357],
      ['Hoofdgebouw', '00 Begane grond', 0, 357],
      ['Hoofdgebouw', '-01 Kelder', -3.2, 358],
    ]);
    expect(overview.objects.byIfcType).toEqual([
      ['IfcWall', 606], ['IfcWindow', 392], ['IfcFireSuppressionTerminal', 273], ['IfcBeam', 258], ['IfcColumn', 237],
      ['IfcCovering', 220], ['IfcSlab', 209], ['IfcDoor', 191], ['IfcRailing', 114],
    ].map(([ifcType, count]) => ({ ifcType, count })));
    // nine classes: the seven largest are named, IfcDoor and IfcRailing grouped
    expect(overview.bars[0]!.segments.at(-1)).toMatchObject({ label: 'Other (2 classes)', ifcTypes: ['IfcDoor', 'IfcRailing'] });
  });

  it('reports its progress as objects read of the total, and stops when cancelled', async () => {
    const { client, scope } = session(dialect);
    const seen: [number, number | undefined][] = [];
    const controller = new AbortController();
    const run = computePhaseOverview(client, scope, {
      signal: controller.signal,
      onProgress: (read, total) => { seen.push([read, total]); if (read >= 1000) controller.abort(); },
    });
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    expect(seen[0]![1]).toBe(2500);
    expect(seen.at(-1)![0]).toBeLessThan(2500);
  });
});
