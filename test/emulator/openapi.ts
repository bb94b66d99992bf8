// The OpenAPI 3.0 document at /swagger/v1/swagger.json, generated from the route table, in the
// shape NSwag gives an ASP.NET API (operationIds `Controller_Action`, one tag per controller).
// A client can derive the phase-scoped collections from it: GET paths under
// /domainaccounts/{domainAccountId}/projectphases/{projectPhaseId}/ with `limit`/`offset`
// parameters; those with a `spatialStructureElementId` parameter can be filtered by storey.

import { API_SCOPE, OIDC_ROUTES } from './auth/oidc';
import { dtoSchema, refTo, type SchemaObject } from './api/routeModel';
import { NAVIGATION_ROUTES, PAGINATION, PATH_PARAMETERS, PHASE_ROUTES, SCHEMAS, STOREY_FILTER_PARAMETER } from './routes';

type Json = Record<string, unknown>;

const pathParameter = (name: string, description: string): Json => ({ name, in: 'path', required: true, description, schema: { type: 'string', format: 'uuid' } });

const problemResponse = (description: string, schema = 'ProblemDetails'): Json => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: `#/components/schemas/${schema}` } } },
});

const ERROR_RESPONSES: Json = {
  401: { description: 'Missing, invalid or expired access token (see WWW-Authenticate)' },
  403: problemResponse('No access: scope missing, or the domain account or phase is not visible to the user'),
  404: problemResponse('Unknown domain account, phase or entity'),
  429: { description: 'Too many requests; wait Retry-After seconds' },
};

function parametersOf(path: string): Json[] {
  const params: Json[] = [];
  if (path.includes(`{${PATH_PARAMETERS.domainAccountId}}`)) params.push(pathParameter(PATH_PARAMETERS.domainAccountId, 'Domain account id'));
  if (path.includes(`{${PATH_PARAMETERS.projectPhaseId}}`)) params.push(pathParameter(PATH_PARAMETERS.projectPhaseId, 'Project phase id'));
  return params;
}

const arrayOf = (schemaName: string): Json => ({ 'application/json': { schema: { type: 'array', items: { $ref: `#/components/schemas/${schemaName}` } } } });

function paginationHeaders(): Json {
  const header = (description: string): Json => ({ description, schema: { type: 'integer', format: 'int32' } });
  return {
    [PAGINATION.headers.limit]: header('The limit applied'),
    [PAGINATION.headers.offset]: header('The offset applied'),
    [PAGINATION.headers.total]: header('Total number of matching objects'),
  };
}

export function buildOpenApiDocument(baseUrl: string): Json {
  const paths: Record<string, Json> = {};

  for (const route of NAVIGATION_ROUTES) {
    paths[route.path] = {
      get: {
        tags: [route.tag],
        summary: route.summary,
        operationId: route.operationId,
        parameters: parametersOf(route.path),
        responses: { 200: { description: 'Success', content: arrayOf(route.dto.schemaName) }, ...ERROR_RESPONSES },
        security: [{ oauth2: [API_SCOPE] }],
      },
    };
  }

  for (const route of PHASE_ROUTES) {
    const query: Json[] = [
      { name: PAGINATION.limitParameter, in: 'query', required: false, description: `Maximum number of objects (1–${route.limits.maxLimit}; default ${route.limits.defaultLimit})`, schema: { type: 'integer', format: 'int32', minimum: 1, maximum: route.limits.maxLimit, default: route.limits.defaultLimit } satisfies SchemaObject },
      { name: PAGINATION.offsetParameter, in: 'query', required: false, description: 'Number of objects to skip', schema: { type: 'integer', format: 'int32', minimum: 0, default: 0 } satisfies SchemaObject },
    ];
    if (route.storeyFilter) {
      query.push({ name: STOREY_FILTER_PARAMETER, in: 'query', required: false, description: 'Only objects on this storey (or on the storeys of this building, building part or plot)', schema: { type: 'string', format: 'uuid' } });
    }
    paths[route.path] = {
      get: {
        tags: [route.tag],
        summary: route.summary,
        operationId: route.getAllOperationId,
        parameters: [...parametersOf(route.path), ...query],
        responses: {
          200: { description: 'Success: one page of objects', headers: paginationHeaders(), content: arrayOf(route.dto.schemaName) },
          400: problemResponse('Invalid limit, offset or filter', 'ValidationProblemDetails'),
          ...ERROR_RESPONSES,
        },
        security: [{ oauth2: [API_SCOPE] }],
      },
    };
    if (route.item) {
      const itemPath = `${route.path}/{${route.item.idParameter}}`;
      paths[itemPath] = {
        get: {
          tags: [route.tag],
          summary: `One item of ${route.name}`,
          operationId: route.item.operationId,
          parameters: [...parametersOf(route.path), pathParameter(route.item.idParameter, 'Id of the item')],
          responses: { 200: { description: 'Success', content: { 'application/json': { schema: refTo(route.dto) } } }, ...ERROR_RESPONSES },
          security: [{ oauth2: [API_SCOPE] }],
        },
      };
    }
  }

  return {
    openapi: '3.0.0',
    info: { title: 'BIMlink Public API (local emulator)', version: 'v1', description: 'Generated from the emulator route table; paths and fields are partly guessed.' },
    servers: [{ url: baseUrl }],
    paths,
    components: {
      schemas: {
        ...Object.fromEntries(SCHEMAS.map((dto) => [dto.schemaName, dtoSchema(dto)])),
        ProblemDetails: problemDetailsSchema(false),
        ValidationProblemDetails: problemDetailsSchema(true),
      },
      securitySchemes: {
        oauth2: {
          type: 'oauth2',
          flows: {
            authorizationCode: {
              authorizationUrl: `${baseUrl}${OIDC_ROUTES.authorization}`,
              tokenUrl: `${baseUrl}${OIDC_ROUTES.token}`,
              refreshUrl: `${baseUrl}${OIDC_ROUTES.token}`,
              scopes: {
                [API_SCOPE]: 'Access to the BIMlink Public API',
                offline_access: 'Refresh tokens',
                openid: 'ID token',
                email: 'Email in the ID token',
              },
            },
          },
        },
      },
    },
    security: [{ oauth2: [API_SCOPE] }],
  };
}

function problemDetailsSchema(validation: boolean): SchemaObject {
  const properties: Record<string, SchemaObject> = {
    type: { type: 'string', nullable: true },
    title: { type: 'string', nullable: true },
    status: { type: 'integer', format: 'int32', nullable: true },
    detail: { type: 'string', nullable: true },
    instance: { type: 'string', nullable: true },
    traceId: { type: 'string', nullable: true },
  };
  if (validation) properties['errors'] = { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } };
  return { type: 'object', additionalProperties: true, properties };
}
