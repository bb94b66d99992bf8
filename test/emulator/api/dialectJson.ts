// Writes a DTO (as routes.ts builds it) in a dialect's JSON spelling. Driven by the DTO field
// schemas, so nested DTOs ($ref) and GUIDs (format uuid) are found without naming them here.

import type { Dialect } from '../dialects';
import type { Dto, DtoShape, SchemaObject } from './routeModel';

export type DtoWriter = (shape: DtoShape, dto: Dto) => Dto;

type ValueWriter = (value: unknown) => unknown;

const pascal = (key: string): string => key.charAt(0).toUpperCase() + key.slice(1);
const REF_PREFIX = '#/components/schemas/';

/** A writer for `schemas` (every DTO that can appear, nested ones too); identity when the dialect changes nothing. */
export function createDtoWriter(json: Dialect['json'], schemas: readonly DtoShape[]): DtoWriter {
  const unchanged = json.keys === 'asDeclared' && json.guids === 'asDeclared' && !Object.keys(json.renames).length && !Object.keys(json.numericEnums).length;
  if (unchanged) return (_shape, dto) => dto;

  const byName = new Map(schemas.map((shape) => [shape.schemaName, shape]));
  // One compiled field list per DTO, built on first use (pages of 1000 objects are written often).
  const compiled = new Map<string, (dto: Dto) => Dto>();

  const valueWriter = (schema: SchemaObject, numericEnum: boolean): ValueWriter => {
    if (numericEnum && schema.enum) {
      const values = schema.enum;
      return (value) => (typeof value === 'string' ? values.indexOf(value) : value);
    }
    if (schema.$ref) {
      const name = schema.$ref.slice(REF_PREFIX.length);
      return (value) => (value && typeof value === 'object' ? writerFor(name)(value as Dto) : value);
    }
    if (schema.type === 'array' && schema.items) {
      const item = valueWriter(schema.items, false);
      return (value) => (Array.isArray(value) ? value.map(item) : value);
    }
    if (schema.format === 'uuid' && json.guids === 'upper') return (value) => (typeof value === 'string' ? value.toUpperCase() : value);
    return (value) => value;
  };

  const writerFor = (schemaName: string): ((dto: Dto) => Dto) => {
    let writer = compiled.get(schemaName);
    if (writer) return writer;
    const shape = byName.get(schemaName);
    if (!shape) throw new Error(`No DTO schema '${schemaName}' for the dialect writer`);
    const renames = json.renames[schemaName] ?? {};
    const enums = json.numericEnums[schemaName] ?? [];
    const fields = shape.fields.map((field) => ({
      from: field.name,
      to: renames[field.name] ?? (json.keys === 'PascalCase' ? pascal(field.name) : field.name),
      write: valueWriter(field.schema, enums.includes(field.name)),
    }));
    writer = (dto) => {
      const out: Dto = {};
      for (const field of fields) if (field.from in dto) out[field.to] = field.write(dto[field.from]);
      return out;
    };
    compiled.set(schemaName, writer);
    return writer;
  };

  return (shape, dto) => writerFor(shape.schemaName)(dto);
}
