// Materials: the same short Dutch list in every phase (beton, kalkzandsteen, gipskarton, glas...).

import type { IndexedList } from '../indexedList';
import type { Material } from '../models';
import { MATERIALS } from '../vocabulary';
import { COLLECTION_CODES, computedList, type PhaseContext } from './context';

export function materialList(ctx: PhaseContext): IndexedList<Material> {
  return computedList(ctx, COLLECTION_CODES.materials, MATERIALS.length, 0, (index, id) => ({ id, ...MATERIALS[index]! }));
}
