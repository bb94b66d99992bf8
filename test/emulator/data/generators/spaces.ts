// Spaces (rooms): space k lies on storey k % storeyCount and is numbered per storey ("01.012").

import { mix, pick, unit } from '../../random';
import type { IndexedList } from '../indexedList';
import type { Space } from '../models';
import { SPACE_NAMES } from '../vocabulary';
import { COLLECTION_CODES, computedList, type PhaseContext } from './context';

export function spaceList(ctx: PhaseContext): IndexedList<Space> {
  const storeys = ctx.structure.storeys;
  const count = storeys.length * ctx.sizes.spacesPerStorey;
  return computedList(ctx, COLLECTION_CODES.spaces, count, count, (index, id): Space => {
    const storey = storeys[index % storeys.length]!;
    const level = storey.name.split(' ')[0]!;
    const area = Math.round((4 + unit(mix(ctx.key, 50, index)) * 56) * 100) / 100;
    const height = (storey.elevation ?? 0) < 0 ? 3.2 : 3.6;
    return {
      id,
      name: pick(SPACE_NAMES, mix(ctx.key, 51, index)),
      number: `${level}.${String(Math.floor(index / storeys.length) + 1).padStart(3, '0')}`,
      storeyId: storey.id,
      area,
      volume: Math.round(area * height * 100) / 100,
    };
  });
}
