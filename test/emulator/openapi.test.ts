// The OpenAPI document: generated from the route table, no auth, and enough to derive the
// phase-scoped collections from it.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from './index';
import { NAVIGATION_ROUTES, PHASE_ROUTES } from './routes';
import { apiGet } from './testing/http';
import { signInWithPassword } from './testing/signIn';

type Parameter = { name: string; in: string; required?: boolean; schema: { maximum?: number; default?: number } };
type Operation = { operationId: string; parameters: Parameter[]; responses: Record<string, { headers?: Record<string, unknown>; content?: Record<string, { schema: { type?: string; items?: { $ref: string }; $ref?: string } }> }> };
type OpenApi = {
  openapi: string;
  servers: { url: string }[];
  paths: Record<string, { get: Operation }>;
  components: { schemas: Record<string, { properties: Record<string, unknown>; required: string[] }>; securitySchemes: Record<string, { flows: { authorizationCode: { authorizationUrl: string; tokenUrl: string } } }> };
};

const PHASE_PREFIX = '/domainaccounts/{domainAccountId}/projectphases/{projectPhaseId}/';

let emulator: Emulator;
let doc: OpenApi;

beforeAll(async () => {
  emulator = await startEmulator();
  const response = await apiGet<OpenApi>(emulator, '/swagger/v1/swagger.json');
  expect(response.status).toBe(200);
  doc = response.body;
});
afterAll(() => emulator.close());

describe('OpenAPI document', () => {
  it('is OpenAPI 3.0 for this server, with the OAuth endpoints', () => {
    expect(doc.openapi).toMatch(/^3\.0\./);
    expect(doc.servers[0]!.url).toBe(emulator.url);
    expect(doc.components.securitySchemes['oauth2']!.flows.authorizationCode).toEqual(expect.objectContaining({
      authorizationUrl: `${emulator.url}/connect/authorize`,
      tokenUrl: `${emulator.url}/connect/token`,
    }));
  });

  it('lists every route of the route table with its NSwag-style operationId', () => {
    const expected: Record<string, string> = {};
    for (const route of NAVIGATION_ROUTES) expected[route.path] = route.operationId;
    for (const route of PHASE_ROUTES) {
      expected[route.path] = route.getAllOperationId;
      if (route.item) expected[`${route.path}/{${route.item.idParameter}}`] = route.item.operationId;
    }
    expect(Object.fromEntries(Object.entries(doc.paths).map(([path, item]) => [path, item.get.operationId]))).toEqual(expected);
    expect(doc.paths['/domainaccounts']!.get.operationId).toBe('DomainAccounts_GetAll');
    expect(doc.paths[`${PHASE_PREFIX}objectinstances/{objectInstanceId}`]!.get.operationId).toBe('ObjectInstances_Get');
    for (const operation of Object.values(doc.paths)) expect(operation.get.operationId).toMatch(/^[A-Z][A-Za-z]+_Get(All)?$/);
  });

  it('lets a client derive the paginated phase collections, their limits and storey filter', () => {
    const derived = Object.entries(doc.paths)
      .filter(([path, item]) => path.startsWith(PHASE_PREFIX) && item.get.parameters.some((p) => p.name === 'limit' && p.in === 'query'))
      .map(([path, item]) => ({
        name: path.slice(PHASE_PREFIX.length),
        maxLimit: item.get.parameters.find((p) => p.name === 'limit')!.schema.maximum,
        storeyFilter: item.get.parameters.some((p) => p.name === 'spatialStructureElementId' && p.in === 'query'),
        headers: Object.keys(item.get.responses['200']!.headers ?? {}),
      }));
    expect(derived).toEqual(PHASE_ROUTES.map((r) => ({
      name: r.name,
      maxLimit: r.limits.maxLimit,
      storeyFilter: r.storeyFilter,
      headers: ['Pagination-Limit', 'Pagination-Offset', 'Pagination-Result'],
    })));
    const params = doc.paths[`${PHASE_PREFIX}spaces`]!.get.parameters;
    expect(params.filter((p) => p.in === 'path').map((p) => p.name)).toEqual(['domainAccountId', 'projectPhaseId']);
    expect(params.every((p) => p.in !== 'path' || p.required)).toBe(true);
  });

  it('describes each response with a schema whose properties are the fields actually served', async () => {
    const token = (await signInWithPassword(emulator, 'anna@demo-bimlink.nl')).accessToken;
    const phasePath = `/domainaccounts/${emulator.ids.demoVastgoed}/projectphases/${emulator.ids.gebouwBDefinitiefOntwerp}`;
    for (const route of PHASE_ROUTES) {
      const schemaRef = doc.paths[route.path]!.get.responses['200']!.content!['application/json']!.schema.items!.$ref;
      const schema = doc.components.schemas[schemaRef.split('/').pop()!]!;
      const { body } = await apiGet<Record<string, unknown>[]>(emulator, `${phasePath}/${route.name}?limit=1`, token);
      expect(Object.keys(body[0]!), route.name).toEqual(Object.keys(schema.properties));
      for (const field of schema.required) expect(body[0]![field], `${route.name}.${field}`).not.toBeNull();
    }
    const locations = doc.components.schemas['LocationDto']!;
    expect(Object.keys(locations.properties)).toEqual(['id', 'name', 'city', 'projects']);
    expect(doc.components.schemas['ValidationProblemDetails']!.properties).toHaveProperty('errors');
  });
});
