import { describe, expect, it } from 'vitest';
import { compareByName, compareIds, compareNames } from '../../../src/core/model/naturalOrder';

const sorted = (names: string[]) => [...names].sort(compareNames);

describe('compareNames', () => {
  it('orders numbers inside names by value', () => {
    expect(sorted(['Gebouw 10', 'Gebouw 2', 'Gebouw 1'])).toEqual(['Gebouw 1', 'Gebouw 2', 'Gebouw 10']);
    expect(sorted(['Verdieping 12', 'Verdieping 3', 'Kavel 9'])).toEqual(['Kavel 9', 'Verdieping 3', 'Verdieping 12']);
  });

  it('ignores case and accents', () => {
    expect(compareNames('gebouw a', 'Gebouw A')).toBe(0);
    expect(compareNames('Café', 'cafe')).toBe(0);
    expect(sorted(['beheer', 'Zorgpark', 'Ánna'])).toEqual(['Ánna', 'beheer', 'Zorgpark']);
  });
});

describe('compareByName', () => {
  it('breaks a tie of names by id, so equal names keep one order whatever the input order', () => {
    const a = { id: 'a1', name: 'Gebouw' }, b = { id: 'b2', name: 'gebouw' };
    expect([b, a].sort(compareByName)).toEqual([a, b]);
    expect([a, b].sort(compareByName)).toEqual([a, b]);
  });

  it('compares by name before id', () => {
    expect(compareByName({ id: 'z', name: 'Gebouw 2' }, { id: 'a', name: 'Gebouw 10' })).toBeLessThan(0);
  });
});

describe('compareIds', () => {
  it('is a fixed character order, independent of the locale', () => {
    expect(compareIds('A', 'a')).toBeLessThan(0);
    expect(compareIds('10', '9')).toBeLessThan(0);
    expect(compareIds('x', 'x')).toBe(0);
  });
});
