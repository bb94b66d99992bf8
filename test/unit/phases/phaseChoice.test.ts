// The phase a comparison starts from: the one listed right before, in the same project only.
import { describe, expect, it } from 'vitest';
import { previousPhase, type ListedPhase } from '../../../src/vscode/phases/phaseChoice';

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
