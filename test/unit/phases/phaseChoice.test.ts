// The phase a comparison starts from: the one listed right before, in the same project only; none to pick from is said.
import { beforeEach, describe, expect, it } from 'vitest';
import { pickEarlierPhase, previousPhase, type ListedPhase } from '../../../src/vscode/phases/phaseChoice';
import { LocationNode, ProjectNode } from '../../../src/vscode/tree/locationNode';
import { PhaseNode } from '../../../src/vscode/tree/phaseNode';
import { quickPicks, resetFakeVscode, shown } from '../fakes/vscode';

const phase = (projectId: string, id: string): ListedPhase => ({ scope: { domainAccountId: 'DA', projectPhaseId: id }, phase: { id, name: id }, projectId });
const listed = [phase('p1', 'SO'), phase('p1', 'VO'), phase('p1', 'DO'), phase('p2', 'X'), phase('p2', 'Y')];

describe('the previous phase', () => {
  it('is the phase listed right before, in the same project (ids in any case)', () => {
    expect(previousPhase(listed, { domainAccountId: 'da', projectPhaseId: 'do' })).toBe(listed[1]);
    expect(previousPhase(listed, { domainAccountId: 'DA', projectPhaseId: 'Y' })).toBe(listed[3]);
  });

  it('is none for a project\'s first phase, or a phase not listed', () => {
    expect(previousPhase(listed, { domainAccountId: 'DA', projectPhaseId: 'SO' })).toBeUndefined();
    expect(previousPhase(listed, { domainAccountId: 'DA', projectPhaseId: 'X' })).toBeUndefined();
    expect(previousPhase(listed, { domainAccountId: 'DA', projectPhaseId: 'Z' })).toBeUndefined();
    expect(previousPhase(listed, { domainAccountId: 'other', projectPhaseId: 'DO' })).toBeUndefined();
  });
});

/** A tree node of this class without its services: only what listing the phases reads. */
const node = <T>(type: abstract new (...args: never[]) => T, fields: object): T => Object.assign(Object.create(type.prototype) as object, fields) as T;

/** A tree listing one domain account with one project of these phases. */
function treeOf(...phaseIds: string[]) {
  const phases = phaseIds.map(id => node(PhaseNode, { domainAccountId: 'DA', phase: { id, name: id } }));
  const project = node(ProjectNode, { project: { id: 'p1', name: 'Gebouw B' }, children: async () => phases });
  const location = node(LocationNode, { location: { name: 'Campus' }, children: async () => [project] });
  return { domainAccountNodes: async () => [{ domainAccount: { id: 'DA', name: 'Demo Vastgoed' } }], getChildren: async () => [location] } as never;
}

describe('choosing the phase to compare with', () => {
  beforeEach(resetFakeVscode);
  const later = phase('p1', 'DO');

  it('says so, and shows no picker, when the domain account has no other phase', async () => {
    expect(await pickEarlierPhase(treeOf('DO'), later)).toBeUndefined();
    expect(shown.map(m => m.message)).toEqual(['DO is the only project phase of Demo Vastgoed; there is nothing to compare it with.']);
    expect(quickPicks).toHaveLength(0);
  });

  it('offers the other phases otherwise', async () => {
    const picking = pickEarlierPhase(treeOf('VO', 'DO'), later);
    await expect.poll(() => quickPicks.length).toBe(1);
    const pick = quickPicks[0]! as unknown as { items: { label: string }[]; accept(): void; hide(): void };
    expect(pick.items.map(i => i.label)).toEqual(['VO']);
    pick.accept();
    pick.hide();
    expect((await picking)?.phase.id).toBe('VO');
    expect(shown).toEqual([]);
  });
});
