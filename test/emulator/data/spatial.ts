// A phase's spatial structure as BIMlink lists it: plots, then buildings, then building parts,
// then storeys. Storeys of one building part (and so of one building) are numbered
// contiguously, so "everything in building X" is a storey RANGE, which keeps filtering by any
// spatial element computable for million-entity collections.

import { guidFromName } from './ids';
import { LAYOUTS, type LayoutName } from './layouts';

export type SpatialType = 'Plot' | 'Building' | 'BuildingPart' | 'Storey';

export interface SpatialElement {
  readonly id: string;
  readonly parentId: string | null;
  readonly name: string;
  readonly type: SpatialType;
  /** Metres; storeys only. */
  readonly elevation: number | null;
  /** Storeys only. */
  readonly aliases: readonly string[] | null;
  /** The storey indexes [storeyFrom, storeyTo) this element contains. */
  readonly storeyFrom: number;
  readonly storeyTo: number;
}

export interface SpatialStructure {
  readonly elements: readonly SpatialElement[];
  readonly storeys: readonly SpatialElement[];
  readonly byId: ReadonlyMap<string, SpatialElement>;
}

export function buildSpatialStructure(phaseId: string, layoutName: LayoutName): SpatialStructure {
  const layout = LAYOUTS[layoutName];
  const id = (path: string): string => guidFromName(`spatial/${phaseId}/${path}`);
  const plots: SpatialElement[] = [];
  const buildings: SpatialElement[] = [];
  const parts: SpatialElement[] = [];
  const storeys: SpatialElement[] = [];

  const plotId = id('plot');
  layout.buildings.forEach((building, b) => {
    const buildingId = id(`building/${b}`);
    const buildingFrom = storeys.length;
    building.parts.forEach((part, p) => {
      const partId = id(`building/${b}/part/${p}`);
      const partFrom = storeys.length;
      part.storeys.forEach((storey, s) => {
        const index = storeys.length;
        storeys.push({
          id: id(`building/${b}/part/${p}/storey/${s}`),
          parentId: partId,
          name: storey.name,
          type: 'Storey',
          elevation: storey.elevation,
          aliases: storey.aliases,
          storeyFrom: index,
          storeyTo: index + 1,
        });
      });
      parts.push(element(partId, buildingId, part.name, 'BuildingPart', partFrom, storeys.length));
    });
    buildings.push(element(buildingId, plotId, building.name, 'Building', buildingFrom, storeys.length));
  });
  plots.push(element(plotId, null, layout.plot, 'Plot', 0, storeys.length));

  const elements = [...plots, ...buildings, ...parts, ...storeys];
  return { elements, storeys, byId: new Map(elements.map((e) => [e.id, e])) };
}

function element(id: string, parentId: string | null, name: string, type: SpatialType, storeyFrom: number, storeyTo: number): SpatialElement {
  return { id, parentId, name, type, elevation: null, aliases: null, storeyFrom, storeyTo };
}
