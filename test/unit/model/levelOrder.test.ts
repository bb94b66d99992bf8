// Each level of the explorer in the same order whatever order the server sends (BIMlink sends them by id).
import { describe, expect, it } from 'vitest';
import { sortByName, sortPhases } from '../../../src/core/model/levelOrder';

const named = (id: string, name: string) => ({ id, name });
const names = (items: readonly { name: string }[]) => items.map(item => item.name);
const reversed = <T>(items: readonly T[]) => [...items].reverse();

describe('domain accounts, locations and projects', () => {
  // the server's order: by id, which says nothing about the names
  const locations = [named('1', 'Gebouw 10'), named('2', 'Zorgpark Oost'), named('3', 'gebouw 2'), named('4', 'Brink, Deventer'),
    named('5', 'Gebouw 1')];

  it('come by name in natural order', () => {
    expect(names(sortByName(locations))).toEqual(['Brink, Deventer', 'Gebouw 1', 'gebouw 2', 'Gebouw 10', 'Zorgpark Oost']);
  });

  it('come in the same order whatever order they were sent in, equal names by id', () => {
    const twins = [named('b', 'Renovatie'), named('a', 'renovatie'), ...locations];
    const order = sortByName(twins).map(item => item.id);
    expect(sortByName(reversed(twins)).map(item => item.id)).toEqual(order);
    expect(order.indexOf('a')).toBeLessThan(order.indexOf('b'));
  });

  it('leave the loaded list as it was', () => {
    const before = [...locations];
    sortByName(locations);
    expect(locations).toEqual(before);
  });
});

describe('phases', () => {
  const phase = (id: string, name: string, order?: number) => ({ id, name, order });

  it('come in the project\'s order, not by name or id', () => {
    const phases = [phase('1', 'Beheer', 5), phase('2', 'Schetsontwerp', 1), phase('3', 'Uitvoering', 4), phase('4', 'Definitief ontwerp', 3)];
    expect(names(sortPhases(phases))).toEqual(['Schetsontwerp', 'Definitief ontwerp', 'Uitvoering', 'Beheer']);
  });

  it('without an order come last, by name, and equal orders by name', () => {
    const phases = [phase('1', 'Fase 10'), phase('2', 'Beheer', 2), phase('3', 'Fase 2'), phase('4', 'Aanbesteding', 2), phase('5', 'Ontwerp', 0)];
    expect(names(sortPhases(phases))).toEqual(['Ontwerp', 'Aanbesteding', 'Beheer', 'Fase 2', 'Fase 10']);
    expect(names(sortPhases(reversed(phases)))).toEqual(names(sortPhases(phases)));
  });

  it('take an order of 0 or below as an order, and NaN as none', () => {
    const phases = [phase('1', 'B', Number.NaN), phase('2', 'A', -1), phase('3', 'C', 0)];
    expect(names(sortPhases(phases))).toEqual(['A', 'C', 'B']);
  });
});
