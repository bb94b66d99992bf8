// A phase at a glance: how many entities each collection holds, and the objects per storey by IFC class. The objects
// are streamed once and only counted, so memory grows with storeys × IFC classes, never with the objects.
import { childController } from '../api/abort';
import type { BimlinkClient, PhaseScope } from '../api/client';
import { idKey } from '../api/ids';
import { collectionPages } from '../references/collectionPages';
import { NO_IFC_CLASS, ObjectFactsReader } from './objectFacts';
import { PhasePlaces } from './phasePlaces';

/** The collection holding a phase's object instances (whatever path the server serves it under). */
export const OBJECTS = 'objectinstances';

/** IFC classes named in the bars; the rest are grouped as one. */
export const NAMED_CLASSES = 7;

export interface CollectionCount {
  readonly collection: string;
  /** Undefined when the server did not say and a page could not prove it. */
  readonly total?: number;
  /** Why it could not be counted. */
  readonly failure?: string;
}

export interface BarSegment {
  /** The IFC class, or the grouped ones' label. */
  readonly label: string;
  /** The IFC classes the segment counts: one, or the grouped ones. */
  readonly ifcTypes: readonly string[];
  readonly count: number;
}

export interface StoreyBar {
  /** The spatial element's id as sent; undefined for the objects on no storey. */
  readonly storeyId?: string;
  /** Whether the phase's spatial structure holds that element: only then can the server be asked for its objects. */
  readonly inStructure: boolean;
  readonly name: string;
  /** Its parents' names, top down (Plot, Building …). */
  readonly parents: readonly string[];
  readonly elevation?: number;
  readonly total: number;
  readonly segments: readonly BarSegment[];
  /** Every IFC class on it with its count, largest first (the segments group the smaller ones). */
  readonly byIfcType: readonly { readonly ifcType: string; readonly count: number }[];
}

export interface PhaseOverview {
  readonly collections: readonly CollectionCount[];
  /** Objects read, with the count per IFC class, largest first. */
  readonly objects: { readonly total: number; readonly byIfcType: readonly { readonly ifcType: string; readonly count: number }[] };
  /** Storeys in building order (top floor first), then objects on an element that is no storey, then on none. */
  readonly bars: readonly StoreyBar[];
}

export interface OverviewOptions {
  readonly signal?: AbortSignal;
  /** Objects read so far, of the total when the server says it. */
  readonly onProgress?: (read: number, total: number | undefined) => void;
}

export async function computePhaseOverview(client: BimlinkClient, scope: PhaseScope, options: OverviewOptions = {}): Promise<PhaseOverview> {
  const { controller, dispose } = childController(options.signal); // a failed read stops the others
  try {
    return await overviewOf(client, scope, options.onProgress, controller.signal);
  } catch (error) {
    controller.abort();
    throw error;
  } finally {
    dispose();
  }
}

async function overviewOf(client: BimlinkClient, scope: PhaseScope, onProgress: OverviewOptions['onProgress'], signal: AbortSignal): Promise<PhaseOverview> {
  // the structure and the counts are read while the objects stream: the objects are counted by storey id until the end
  const loading = Promise.all([PhasePlaces.of(client, scope, signal), countCollections(client, scope, signal)]);
  loading.catch(() => undefined); // a failure is taken below, once the objects are read (or when their read fails first)
  const reader = new ObjectFactsReader();
  const tally = new Map<string, Map<string, number>>(); // storey key ('' for none) → IFC class → objects
  const storeyIds = new Map<string, string>();
  let read = 0;
  for await (const page of collectionPages(client, scope, OBJECTS, signal)) {
    for (const entity of page.items) {
      const { storeyId, ifcType } = reader.read(entity);
      const key = storeyId === undefined ? '' : idKey(storeyId);
      if (storeyId !== undefined) storeyIds.set(key, storeyId);
      const classes = tally.get(key) ?? tally.set(key, new Map()).get(key)!;
      const ifc = ifcType ?? NO_IFC_CLASS;
      classes.set(ifc, (classes.get(ifc) ?? 0) + 1);
    }
    read += page.items.length;
    onProgress?.(read, page.total);
  }
  const [places, collections] = await loading;
  const byIfcType = totalsByClass(tally);
  const named = byIfcType.slice(0, byIfcType.length > NAMED_CLASSES + 1 ? NAMED_CLASSES : NAMED_CLASSES + 1).map(t => t.ifcType);
  const bar = (classes: Map<string, number> | undefined, shape: Omit<StoreyBar, 'total' | 'segments' | 'byIfcType'>): StoreyBar => ({
    ...shape, ...segmentsOf(classes ?? new Map(), named), byIfcType: totalsByClass(new Map([['', classes ?? new Map()]])),
  });
  const bars: StoreyBar[] = [];
  for (const place of places.inBuildingOrder) {
    const key = idKey(place.element.id);
    const classes = tally.get(key);
    tally.delete(key);
    if (place.element.type !== 'Storey' && !classes) continue; // plots and buildings get a bar only when objects stand on them directly
    bars.push(bar(classes, { storeyId: place.element.id, inStructure: true, name: place.element.name, parents: place.parents,
      ...(place.element.elevation !== undefined ? { elevation: place.element.elevation } : {}) }));
  }
  for (const [key, classes] of tally) {
    if (key === '') continue;
    bars.push(bar(classes, { storeyId: storeyIds.get(key)!, inStructure: false, name: `Unknown storey ${storeyIds.get(key)!}`, parents: [] }));
  }
  const none = tally.get('');
  if (none) bars.push(bar(none, { inStructure: false, name: 'No storey', parents: [] }));
  // the objects are counted as they are read, not asked for once more
  return { collections: collections.map(c => c.collection === OBJECTS ? { collection: OBJECTS, total: read } : c), objects: { total: read, byIfcType }, bars };
}

function totalsByClass(tally: Map<string, Map<string, number>>): { ifcType: string; count: number }[] {
  const totals = new Map<string, number>();
  for (const classes of tally.values()) for (const [ifc, count] of classes) totals.set(ifc, (totals.get(ifc) ?? 0) + count);
  return [...totals].map(([ifcType, count]) => ({ ifcType, count }))
    .sort((a, b) => b.count - a.count || (a.ifcType < b.ifcType ? -1 : a.ifcType > b.ifcType ? 1 : 0));
}

/** The named classes in the phase's order (largest first), then the rest as one segment. */
function segmentsOf(classes: Map<string, number>, named: readonly string[]): { total: number; segments: BarSegment[] } {
  const segments: BarSegment[] = [];
  for (const ifc of named) {
    const count = classes.get(ifc);
    if (count) segments.push({ label: ifc, ifcTypes: [ifc], count });
  }
  const rest = [...classes].filter(([ifc]) => !named.includes(ifc)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const restCount = rest.reduce((sum, [, count]) => sum + count, 0);
  if (restCount) segments.push({ label: `Other (${rest.length} ${rest.length === 1 ? 'class' : 'classes'})`, ifcTypes: rest.map(([ifc]) => ifc), count: restCount });
  return { total: segments.reduce((sum, s) => sum + s.count, 0), segments };
}

/** Each collection's total, from its first page of one entity; the objects' is left to their read. */
async function countCollections(client: BimlinkClient, scope: PhaseScope, signal: AbortSignal | undefined): Promise<CollectionCount[]> {
  const collections = await client.discoverCollections({ signal });
  return Promise.all(collections.map(async ({ name }): Promise<CollectionCount> => {
    if (name === OBJECTS) return { collection: name };
    try {
      const page = await client.getEntityPage({ ...scope, collection: name }, { offset: 0, limit: 1 }, { signal });
      return { collection: name, ...(page.total !== undefined ? { total: page.total } : {}) };
    } catch (error) {
      if (signal?.aborted) throw error;
      return { collection: name, failure: error instanceof Error ? error.message : String(error) };
    }
  }));
}
