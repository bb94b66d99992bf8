// The generator's records. The API's JSON fields are mapped from these in routes.ts (the one
// place to correct field names), so these names are internal.

export interface ObjectType {
  readonly id: string;
  readonly name: string;
  readonly ifcType: string;
  readonly predefinedType: string;
  readonly materialIds: readonly string[];
}

export interface ObjectInstance {
  readonly id: string;
  readonly name: string;
  readonly ifcType: string;
  readonly globalId: string;
  readonly storeyId: string;
  readonly objectTypeId: string;
  readonly tag: string;
}

export interface Property {
  readonly id: string;
  readonly objectTypeId: string | null;
  readonly objectInstanceId: string | null;
  readonly propertySet: string;
  readonly name: string;
  readonly value: string;
  readonly dataType: string;
  readonly unit: string | null;
}

export interface Material {
  readonly id: string;
  readonly name: string;
  readonly category: string;
}

export interface Space {
  readonly id: string;
  readonly name: string;
  readonly number: string;
  readonly storeyId: string;
  /** m² */
  readonly area: number;
  /** m³ */
  readonly volume: number;
}

export interface DocumentInfo {
  readonly id: string;
  readonly name: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly size: number;
  readonly objectInstanceId: string | null;
  readonly objectTypeId: string | null;
  readonly createdAt: string;
}

export interface Todo {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly status: string;
  readonly assignee: string | null;
  readonly dueDate: string;
  readonly objectInstanceId: string | null;
  readonly createdAt: string;
}
