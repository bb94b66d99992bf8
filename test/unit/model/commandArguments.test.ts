// A command's arguments may be a command link's plain JSON: only the expected shapes are used, anything else is
// ignored (and the command asks the user instead).
import { describe, expect, it } from 'vitest';
import { collectionArgument, entitySourceOf, idArgument } from '../../../src/core/model/commandArguments';

describe('command arguments', () => {
  it('take a source of non-blank string ids, copying only what they use', () => {
    expect(entitySourceOf({ domainAccountId: 'da', projectPhaseId: 'ph', extra: 'x' })).toEqual({ domainAccountId: 'da', projectPhaseId: 'ph' });
    expect(entitySourceOf({ domainAccountId: 'da', projectPhaseId: 'ph', storey: { id: 'st', name: '00 Begane grond', x: 1 } }))
      .toEqual({ domainAccountId: 'da', projectPhaseId: 'ph', storey: { id: 'st', name: '00 Begane grond' } });
    expect(entitySourceOf({ domainAccountId: 'da', projectPhaseId: 'ph', storey: { id: 'st' } })?.storey).toEqual({ id: 'st', name: 'st' });
  });

  it.each([
    undefined, null, 'da', 42, [], ['da', 'ph'],
    {}, { domainAccountId: 'da' }, { domainAccountId: '', projectPhaseId: 'ph' }, { domainAccountId: '  ', projectPhaseId: 'ph' },
    { domainAccountId: 'da', projectPhaseId: 7 }, { domainAccountId: { $mid: 1 }, projectPhaseId: 'ph' },
    { domainAccountId: 'da', projectPhaseId: '..' }, { domainAccountId: 'da\nx', projectPhaseId: 'ph' },
    { domainAccountId: 'x'.repeat(257), projectPhaseId: 'ph' },
    { domainAccountId: 'da', projectPhaseId: 'ph', storey: null }, { domainAccountId: 'da', projectPhaseId: 'ph', storey: 'st' },
    { domainAccountId: 'da', projectPhaseId: 'ph', storey: { id: '' } }, { domainAccountId: 'da', projectPhaseId: 'ph', storey: { id: 'st', name: 5 } },
  ])('ignore the source %j', value => {
    expect(entitySourceOf(value)).toBeUndefined();
  });

  it('take a collection named as a path segment, and an id', () => {
    expect(collectionArgument('objectinstances')).toBe('objectinstances');
    for (const bad of [undefined, '', '../x', 'a/b', 'objects?x=1', 1, ['objects'], { name: 'objects' }]) expect(collectionArgument(bad)).toBeUndefined();
    expect(idArgument('0b7e…')).toBe('0b7e…');
    for (const bad of [undefined, '', '   ', '.', 'a\u0000', 3, {}]) expect(idArgument(bad)).toBeUndefined();
  });
});
