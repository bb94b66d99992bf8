// Matching two phases' objects: a repeated key (duplicate GlobalIds) is matched occurrence by occurrence, and a type
// or storey one phase cannot name is not compared unless it is the very same id.
import { describe, expect, it } from 'vitest';
import { fieldChange, type ObjectState } from '../../../src/core/phases/phaseComparison';
import { PhaseMatcher } from '../../../src/core/phases/phaseMatcher';

describe('PhaseMatcher', () => {
  it('gives each later object the first earlier one of its key, once', () => {
    const matcher = new PhaseMatcher<string>();
    for (const [key, value] of [['a', 'a1'], ['b', 'b1'], ['a', 'a2'], ['a', 'a3']] as const) matcher.hold(key, value);
    expect([matcher.take('a'), matcher.take('a'), matcher.take('c'), matcher.take('b'), matcher.take('b')]).toEqual(['a1', 'a2', undefined, 'b1', undefined]);
    expect([...matcher.left()]).toEqual([['a', 'a3']]);
    expect(matcher.take('a')).toBe('a3');
    expect([...matcher.left()]).toEqual([]);
  });

  it('leaves every object no later one took, repeats included', () => {
    const matcher = new PhaseMatcher<number>();
    for (let i = 0; i < 6; i++) matcher.hold(`k${i % 2}`, i);
    expect(matcher.take('k1')).toBe(1);
    expect([...matcher.left()].map(([, v]) => v).sort()).toEqual([0, 2, 3, 4, 5]);
  });
});

describe('fieldChange', () => {
  const state = (fields: Partial<ObjectState>): ObjectState => ({ name: 'Wand', ...fields });

  it('compares names and IFC classes as they are', () => {
    expect(fieldChange('name', state({}), state({ name: 'Wand (rev 2)' }))).toBe('changed');
    expect(fieldChange('ifcType', state({ ifcType: 'IfcWall' }), state({ ifcType: 'IfcWall' }))).toBe('same');
    expect(fieldChange('ifcType', state({ ifcType: 'IfcWall' }), state({}))).toBe('changed');
  });

  it('compares types and storeys by name, and does not guess when a phase could not name one', () => {
    expect(fieldChange('type', state({ type: 'Basiswand:100' }), state({ type: 'Basiswand:200' }))).toBe('changed');
    expect(fieldChange('storey', state({ storey: 'Gebouw B › 00' }), state({ storey: 'Gebouw B › 00' }))).toBe('same');
    expect(fieldChange('type', state({ type: 'Basiswand:100' }), state({ type: 'a1b2', typeUnnamed: true }))).toBe('unknown');
    expect(fieldChange('storey', state({ storey: 'x1', storeyUnnamed: true }), state({ storey: 'x2', storeyUnnamed: true }))).toBe('unknown');
    expect(fieldChange('storey', state({ storey: 'x1', storeyUnnamed: true }), state({ storey: 'x1', storeyUnnamed: true }))).toBe('same');
    expect(fieldChange('type', state({ type: 'Basiswand:100' }), state({}))).toBe('changed');
  });
});
