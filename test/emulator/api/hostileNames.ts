// The hostileNames fault: storeys named as a project partner's IFC model could name them, as Markdown command links,
// so tests can show that the extension displays outside text as text; and the separatedNames fault: storey names
// holding the ` · ` that separates the parts of the extension's tab titles, so tests can show that nothing is read
// back out of a title. Applied to the spatial structure as it is sent (in every dialect); the data generator is
// untouched.

import type { Dto, PhaseRoute } from './routeModel';

/** The command the hostile names link to: harmless, and plain to see if it ever ran (the Settings editor opens). */
export const HOSTILE_NAME_COMMAND = 'workbench.action.openSettings';

/** `00 Begane grond` → `[00 Begane grond](command:workbench.action.openSettings)`. */
export const hostileName = (name: string): string => `[${name}](command:${HOSTILE_NAME_COMMAND})`;

/** `00 Begane grond` → `00 · Begane grond`. */
export const separatedName = (name: string): string => name.replace(' ', ' · ');

/** The DTO (as routes.ts builds it) with a storey's name renamed; anything else as it is. */
export function withStoreyName(route: PhaseRoute, dto: Dto, rename: (name: string) => string): Dto {
  const isStorey = route.name === 'spatialstructureelements' && dto['type'] === 'Storey' && typeof dto['name'] === 'string';
  return isStorey ? { ...dto, name: rename(dto['name'] as string) } : dto;
}
