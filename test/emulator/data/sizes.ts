// How big each collection of a phase is, derived from its number of object instances, so one
// option scales a whole phase consistently.

export interface PhaseSizes {
  readonly objectInstances: number;
  readonly objectTypes: number;
  readonly spacesPerStorey: number;
  /** Documents attached to an instance (first), then to a type. */
  readonly instanceDocuments: number;
  readonly typeDocuments: number;
  /** To-dos about an instance (first), then general ones. */
  readonly instanceTodos: number;
  readonly generalTodos: number;
}

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));

export const objectTypeCount = (objectInstances: number): number => clamp(Math.ceil(objectInstances / 40), 24, 5000);

export function phaseSizes(objectInstances: number, storeyCount: number, generalTodos: number): PhaseSizes {
  const objectTypes = objectTypeCount(objectInstances);
  return {
    objectInstances,
    objectTypes,
    spacesPerStorey: clamp(Math.round(objectInstances / (Math.max(1, storeyCount) * 30)), 3, 5000),
    instanceDocuments: Math.ceil(objectInstances / 10),
    typeDocuments: Math.ceil(objectTypes / 2),
    instanceTodos: Math.ceil(objectInstances / 25),
    generalTodos,
  };
}
