// THE route table of the emulated BIMlink Public API: every path, JSON field and page limit.
// Nobody outside BIMlink has seen its Swagger file, so most of this is a guess (see
// /work/shared/bimlink-api.md: [C] confirmed, [G] guessed). When the real Swagger is seen,
// correct it HERE; the handlers and the OpenAPI document (/swagger/v1/swagger.json) follow.
// Other spellings of the same API (PascalCase keys, renamed collections, …) are declared as
// differences from this table in dialects.ts.

import type { DomainAccountNode, LocationNode, PhaseNode, ProjectNode } from './data/catalog';
import type { DocumentInfo, Material, ObjectInstance, ObjectType, Property, Space, Todo } from './data/models';
import type { SpatialElement } from './data/spatial';
import { dto, navigationRoute, phaseRoute, refTo, s, type DtoShape, type NavigationRoute, type PhaseRoute } from './api/routeModel';

/**
 * Pagination [C: parameter and header names; G: everything else].
 * - `limit` absent → the route's defaultLimit; `offset` absent → 0.
 * - ASP.NET-style model validation (guessed): limit that is not an integer, < 1 or > maxLimit
 *   → 400 ValidationProblemDetails; offset that is not an integer or < 0 → 400.
 * - offset at or past the end → 200 with [] and the usual headers.
 * - Headers: Pagination-Limit (the limit applied), Pagination-Offset, Pagination-Result (the
 *   total number of matching objects, not the page size). The body is a bare JSON array.
 */
export const PAGINATION = {
  limitParameter: 'limit',
  offsetParameter: 'offset',
  headers: { limit: 'Pagination-Limit', offset: 'Pagination-Offset', total: 'Pagination-Result' },
} as const;

/** Query parameter that narrows storey-linked collections to a spatial element [G-M: name guessed]. */
export const STOREY_FILTER_PARAMETER = 'spatialStructureElementId';

/** Path parameters [C: every call below the first is under /domainaccounts/{domainAccountId}/]. */
export const PATH_PARAMETERS = { domainAccountId: 'domainAccountId', projectPhaseId: 'projectPhaseId' } as const;

const PHASE_PATH = '/domainaccounts/{domainAccountId}/projectphases/{projectPhaseId}';
const DEFAULT_LIMITS = { defaultLimit: 100, maxLimit: 500 } as const;

// ---- DTOs ----------------------------------------------------------------------------------

export const DomainAccountDto = dto<DomainAccountNode>('DomainAccountDto', [
  { name: 'id', schema: s.id('Domain account id'), get: (a) => a.id },
  { name: 'name', schema: s.text('Company or large project', 'Demo Vastgoed BV'), get: (a) => a.name },
]);

export const ProjectPhaseDto = dto<PhaseNode>('ProjectPhaseDto', [
  { name: 'id', schema: s.id('Project phase id'), get: (p) => p.id },
  { name: 'name', schema: s.text('Phase name', 'Definitief ontwerp'), get: (p) => p.name },
  { name: 'code', schema: s.text('Phase code', 'DO'), get: (p) => p.code },
  { name: 'order', schema: s.int('Position of the phase in the project (design → construction → operation)'), get: (p) => p.order },
]);

export const ProjectDto = dto<ProjectNode>('ProjectDto', [
  { name: 'id', schema: s.id('Project id'), get: (p) => p.id },
  { name: 'name', schema: s.text('Project name', 'Nieuwbouw Gebouw B'), get: (p) => p.name },
  { name: 'number', schema: s.text('Project number', 'P-2023-014'), get: (p) => p.number },
  { name: 'phases', schema: s.arrayOf(refTo(ProjectPhaseDto), 'Phases the user may see, in phase order'), get: (p) => p.phases.map(ProjectPhaseDto.toDto) },
]);

export const LocationDto = dto<LocationNode>('LocationDto', [
  { name: 'id', schema: s.id('Location id'), get: (l) => l.id },
  { name: 'name', schema: s.text('Location name', 'Campus Noord, Utrecht'), get: (l) => l.name },
  { name: 'city', schema: s.text('City', 'Utrecht'), get: (l) => l.city },
  { name: 'projects', schema: s.arrayOf(refTo(ProjectDto), 'Projects at this location'), get: (l) => l.projects.map(ProjectDto.toDto) },
]);

export const SpatialStructureElementDto = dto<SpatialElement>('SpatialStructureElementDto', [
  { name: 'id', schema: s.id('Spatial structure element id'), get: (e) => e.id },
  { name: 'parentId', schema: s.nullable(s.id('Parent element; null for the top element(s)')), get: (e) => e.parentId },
  { name: 'name', schema: s.text('Name', '00 Begane grond'), get: (e) => e.name },
  { name: 'type', schema: { type: 'string', enum: ['Plot', 'Building', 'BuildingPart', 'Storey'], description: 'Element type' }, get: (e) => e.type },
  { name: 'elevation', schema: s.nullable(s.number('Storey elevation in metres (storeys only)')), get: (e) => e.elevation },
  { name: 'aliases', schema: s.nullable(s.arrayOf({ type: 'string' }, 'Other names of the storey (storeys only)')), get: (e) => e.aliases },
]);

export const ObjectInstanceDto = dto<ObjectInstance>('ObjectInstanceDto', [
  { name: 'id', schema: s.id('Object instance id'), get: (o) => o.id },
  { name: 'name', schema: s.text('Instance name'), get: (o) => o.name },
  { name: 'ifcType', schema: s.text('IFC entity class', 'IfcWall'), get: (o) => o.ifcType },
  { name: 'globalId', schema: { type: 'string', minLength: 22, maxLength: 22, pattern: '^[0-9A-Za-z_$]{22}$', description: 'IFC GlobalId' }, get: (o) => o.globalId },
  { name: 'spatialStructureElementId', schema: s.id('The storey the instance is on'), get: (o) => o.storeyId },
  { name: 'objectTypeId', schema: s.id('The object type'), get: (o) => o.objectTypeId },
  { name: 'tag', schema: s.text('Authoring-tool element id (IFC Tag)', '301234'), get: (o) => o.tag },
]);

export const ObjectTypeDto = dto<ObjectType>('ObjectTypeDto', [
  { name: 'id', schema: s.id('Object type id'), get: (t) => t.id },
  { name: 'name', schema: s.text('Type name', 'Basiswand:Binnenwand kalkzandsteen 100 mm'), get: (t) => t.name },
  { name: 'ifcType', schema: s.text('IFC entity class of the instances', 'IfcWall'), get: (t) => t.ifcType },
  { name: 'predefinedType', schema: s.text('IFC predefined type', 'SOLIDWALL'), get: (t) => t.predefinedType },
  { name: 'materialIds', schema: s.arrayOf({ type: 'string', format: 'uuid' }, 'Materials of the type'), get: (t) => t.materialIds },
]);

export const PropertyDto = dto<Property>('PropertyDto', [
  { name: 'id', schema: s.id('Property id'), get: (p) => p.id },
  { name: 'objectTypeId', schema: s.nullable(s.id('Set when the property belongs to a type')), get: (p) => p.objectTypeId },
  { name: 'objectInstanceId', schema: s.nullable(s.id('Set when the property belongs to an instance')), get: (p) => p.objectInstanceId },
  { name: 'propertySet', schema: s.text('Property set', 'Pset_WallCommon'), get: (p) => p.propertySet },
  { name: 'name', schema: s.text('Property name', 'FireRating'), get: (p) => p.name },
  { name: 'value', schema: s.text('Value, as text', 'EI 60'), get: (p) => p.value },
  { name: 'dataType', schema: s.text('IFC value type', 'IfcLabel'), get: (p) => p.dataType },
  { name: 'unit', schema: s.nullable(s.text('Unit, when the value has one', 'm')), get: (p) => p.unit },
]);

export const MaterialDto = dto<Material>('MaterialDto', [
  { name: 'id', schema: s.id('Material id'), get: (m) => m.id },
  { name: 'name', schema: s.text('Material name', 'kalkzandsteen'), get: (m) => m.name },
  { name: 'category', schema: s.text('Material category', 'Steenachtig'), get: (m) => m.category },
]);

export const SpaceDto = dto<Space>('SpaceDto', [
  { name: 'id', schema: s.id('Space id'), get: (r) => r.id },
  { name: 'name', schema: s.text('Room name', 'Vergaderruimte'), get: (r) => r.name },
  { name: 'number', schema: s.text('Room number', '01.012'), get: (r) => r.number },
  { name: 'spatialStructureElementId', schema: s.id('The storey the space is on'), get: (r) => r.storeyId },
  { name: 'area', schema: s.number('Net floor area in m²'), get: (r) => r.area },
  { name: 'volume', schema: s.number('Volume in m³'), get: (r) => r.volume },
]);

export const DocumentDto = dto<DocumentInfo>('DocumentDto', [
  { name: 'id', schema: s.id('Document id'), get: (d) => d.id },
  { name: 'name', schema: s.text('Title'), get: (d) => d.name },
  { name: 'fileName', schema: s.text('File name', 'productblad-binnendeur.pdf'), get: (d) => d.fileName },
  { name: 'contentType', schema: s.text('MIME type', 'application/pdf'), get: (d) => d.contentType },
  { name: 'size', schema: s.long('Size in bytes'), get: (d) => d.size },
  { name: 'objectInstanceId', schema: s.nullable(s.id('Instance the document belongs to')), get: (d) => d.objectInstanceId },
  { name: 'objectTypeId', schema: s.nullable(s.id('Type the document belongs to')), get: (d) => d.objectTypeId },
  { name: 'createdAt', schema: s.dateTime('Upload time (UTC)'), get: (d) => d.createdAt },
]);

export const TodoDto = dto<Todo>('TodoDto', [
  { name: 'id', schema: s.id('To-do id'), get: (t) => t.id },
  { name: 'title', schema: s.text('Title', 'Brandwerendheid wand controleren'), get: (t) => t.title },
  { name: 'description', schema: s.text('Description'), get: (t) => t.description },
  { name: 'status', schema: { type: 'string', enum: ['Open', 'InProgress', 'Done'], description: 'Status' }, get: (t) => t.status },
  { name: 'assignee', schema: s.nullable(s.text('Name of the assignee')), get: (t) => t.assignee },
  { name: 'dueDate', schema: s.date('Due date'), get: (t) => t.dueDate },
  { name: 'objectInstanceId', schema: s.nullable(s.id('Instance the to-do is about')), get: (t) => t.objectInstanceId },
  { name: 'createdAt', schema: s.dateTime('Creation time (UTC)'), get: (t) => t.createdAt },
]);

// ---- Routes --------------------------------------------------------------------------------

/** Navigation: not paginated. */
export const NAVIGATION_ROUTES: readonly NavigationRoute[] = [
  navigationRoute({
    operationId: 'DomainAccounts_GetAll', // [C]
    tag: 'DomainAccounts',
    summary: 'The domain accounts of the user (the only call without a domain account id)',
    path: '/domainaccounts', // [G-H]
    dto: DomainAccountDto,
    list: ({ accounts }) => accounts,
  }),
  navigationRoute({
    operationId: 'Locations_GetAll', // [C]
    tag: 'Locations',
    summary: 'Locations → projects → project phases the user may see, in one call',
    path: '/domainaccounts/{domainAccountId}/locations', // [G-M]
    dto: LocationDto,
    list: ({ account }) => account?.locations ?? [],
  }),
];

/** Phase-scoped, paginated. The first is the spatial structure; the rest are BIM collections. */
export const PHASE_ROUTES: readonly PhaseRoute[] = [
  phaseRoute({
    name: 'spatialstructureelements',
    tag: 'SpatialStructureElements',
    summary: 'Flat spatial structure: plots, buildings, building parts, storeys (in that order)',
    path: `${PHASE_PATH}/spatialstructureelements`, // [G-L/M]
    getAllOperationId: 'SpatialStructureElements_GetAll', // [C]
    limits: DEFAULT_LIMITS,
    storeyFilter: false,
    dto: SpatialStructureElementDto,
    list: (c) => c.spatialStructureElements,
  }),
  phaseRoute({
    name: 'objectinstances',
    tag: 'ObjectInstances',
    summary: 'Object instances (building elements) of the phase',
    path: `${PHASE_PATH}/objectinstances`, // [G-M] everything below
    getAllOperationId: 'ObjectInstances_GetAll',
    item: { operationId: 'ObjectInstances_Get', idParameter: 'objectInstanceId' },
    limits: { defaultLimit: 100, maxLimit: 1000 },
    storeyFilter: true,
    dto: ObjectInstanceDto,
    list: (c) => c.objectInstances,
  }),
  phaseRoute({
    name: 'objecttypes',
    tag: 'ObjectTypes',
    summary: 'Object types of the phase',
    path: `${PHASE_PATH}/objecttypes`,
    getAllOperationId: 'ObjectTypes_GetAll',
    item: { operationId: 'ObjectTypes_Get', idParameter: 'objectTypeId' },
    limits: DEFAULT_LIMITS,
    storeyFilter: false,
    dto: ObjectTypeDto,
    list: (c) => c.objectTypes,
  }),
  phaseRoute({
    name: 'properties',
    tag: 'Properties',
    summary: 'Properties (parameters) of instances and types; the storey filter applies to instance properties',
    path: `${PHASE_PATH}/properties`,
    getAllOperationId: 'Properties_GetAll',
    item: { operationId: 'Properties_Get', idParameter: 'propertyId' },
    limits: DEFAULT_LIMITS,
    storeyFilter: true,
    dto: PropertyDto,
    list: (c) => c.properties,
  }),
  phaseRoute({
    name: 'materials',
    tag: 'Materials',
    summary: 'Materials used in the phase',
    path: `${PHASE_PATH}/materials`,
    getAllOperationId: 'Materials_GetAll',
    item: { operationId: 'Materials_Get', idParameter: 'materialId' },
    limits: DEFAULT_LIMITS,
    storeyFilter: false,
    dto: MaterialDto,
    list: (c) => c.materials,
  }),
  phaseRoute({
    name: 'spaces',
    tag: 'Spaces',
    summary: 'Spaces (rooms) of the phase',
    path: `${PHASE_PATH}/spaces`,
    getAllOperationId: 'Spaces_GetAll',
    item: { operationId: 'Spaces_Get', idParameter: 'spaceId' },
    limits: DEFAULT_LIMITS,
    storeyFilter: true,
    dto: SpaceDto,
    list: (c) => c.spaces,
  }),
  phaseRoute({
    name: 'documents',
    tag: 'Documents',
    summary: 'Document metadata; the storey filter applies to documents of instances',
    path: `${PHASE_PATH}/documents`,
    getAllOperationId: 'Documents_GetAll',
    item: { operationId: 'Documents_Get', idParameter: 'documentId' },
    limits: DEFAULT_LIMITS,
    storeyFilter: true,
    dto: DocumentDto,
    list: (c) => c.documents,
  }),
  phaseRoute({
    name: 'todos',
    tag: 'Todos',
    summary: 'To-dos; the storey filter applies to to-dos about an instance',
    path: `${PHASE_PATH}/todos`,
    getAllOperationId: 'Todos_GetAll',
    item: { operationId: 'Todos_Get', idParameter: 'todoId' },
    limits: DEFAULT_LIMITS,
    storeyFilter: true,
    dto: TodoDto,
    list: (c) => c.todos,
  }),
];

/** Every DTO, for components/schemas. */
export const SCHEMAS: readonly DtoShape[] = [
  DomainAccountDto, LocationDto, ProjectDto, ProjectPhaseDto, SpatialStructureElementDto,
  ObjectInstanceDto, ObjectTypeDto, PropertyDto, MaterialDto, SpaceDto, DocumentDto, TodoDto,
];
