// Collection discovery from OpenAPI documents (3.x and Swagger 2), without a server.
import { describe, expect, it } from 'vitest';
import { BUILTIN_COLLECTIONS, collectionsFromOpenApi, mergeCollections, pageSizeFor } from '../../../src/core/api/collections';

const phasePath = (name: string) => `/domainaccounts/{domainAccountId}/projectphases/{projectPhaseId}/${name}`;

describe('collectionsFromOpenApi', () => {
  it('finds paginated phase-scoped GETs with their storey filter and max limit (OpenAPI 3, $ref parameters)', () => {
    const doc = {
      openapi: '3.0.1',
      components: {
        parameters: {
          Offset: { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0 } },
          Storey: { name: 'spatialStructureElementId', in: 'query', schema: { type: 'string' } },
        },
      },
      paths: {
        '/domainaccounts': { get: {} },
        [phasePath('spatialstructureelements')]: { get: { parameters: [{ name: 'limit', in: 'query' }, { $ref: '#/components/parameters/Offset' }] } },
        [phasePath('objectinstances')]: {
          get: {
            summary: 'Object instances',
            parameters: [
              { name: 'limit', in: 'query', schema: { type: 'integer', maximum: 500 } },
              { $ref: '#/components/parameters/Offset' },
              { $ref: '#/components/parameters/Storey' },
            ],
          },
        },
        [`${phasePath('objectinstances')}/{id}`]: { get: {} },
        [phasePath('materials')]: {
          parameters: [{ name: 'Limit', in: 'query', schema: { maximum: 1000 } }, { name: 'offset', in: 'query' }],
          get: {},
        },
        [phasePath('reports')]: { get: { parameters: [{ name: 'format', in: 'query' }] } }, // not paginated
        [phasePath('todos')]: { post: {} }, // no GET
      },
    };
    expect(collectionsFromOpenApi(doc)).toEqual([
      { name: 'objectinstances', paths: ['objectinstances'], source: 'openapi', storeyFilter: true, maxLimit: 500, summary: 'Object instances' },
      { name: 'materials', paths: ['materials'], source: 'openapi', storeyFilter: false, maxLimit: 1000 },
    ]);
  });

  it('reads Swagger 2 parameters (maximum on the parameter)', () => {
    const doc = {
      swagger: '2.0',
      paths: {
        '/DomainAccounts/{domainAccountId}/ProjectPhases/{projectPhaseId}/Spaces': {
          get: { parameters: [{ name: 'limit', in: 'query', type: 'integer', maximum: 250 }, { name: 'offset', in: 'query', type: 'integer' }] },
        },
      },
    };
    expect(collectionsFromOpenApi(doc)).toEqual([
      { name: 'spaces', paths: ['Spaces'], source: 'openapi', storeyFilter: false, maxLimit: 250 },
    ]);
  });

  it('finds nothing in junk', () => {
    expect(collectionsFromOpenApi(null)).toEqual([]);
    expect(collectionsFromOpenApi({ paths: [] })).toEqual([]);
    expect(collectionsFromOpenApi({ paths: { [phasePath('x')]: { get: { parameters: [{ $ref: '#/nowhere' }] } } } })).toEqual([]);
  });
});

describe('built-in collections and page sizes', () => {
  it('lists the known BIM collections', () => {
    expect(BUILTIN_COLLECTIONS.map(c => c.name)).toEqual(['objectinstances', 'objecttypes', 'properties', 'materials', 'spaces', 'documents', 'todos']);
  });

  it('keeps a page size within the collection maximum', () => {
    expect(pageSizeFor({ maxLimit: 500 }, 1000)).toBe(500);
    expect(pageSizeFor({ maxLimit: 500 }, 100)).toBe(100);
    expect(pageSizeFor(undefined, 0)).toBe(1);
    expect(pageSizeFor({}, 2500.7)).toBe(2500);
  });
});

describe('the collections offered, and the settings on top', () => {
  const openApi = (path: string, maxLimit = 250) => ({ name: path.toLowerCase(), paths: [path], source: 'openapi' as const, storeyFilter: true, maxLimit });

  it('names a server collection after the built-in one whose plausible paths hold it, keeping the server path', () => {
    const merged = mergeCollections([openApi('Objects'), openApi('rooms'), openApi('clashes')]);
    expect(merged.map(c => [c.name, c.paths, c.source])).toEqual([
      ['objectinstances', ['Objects'], 'openapi'],
      ['spaces', ['rooms'], 'openapi'],
      ['clashes', ['clashes'], 'openapi'],
    ]);
    expect(merged[0]!.summary).toBe(BUILTIN_COLLECTIONS[0]!.summary);
  });

  it('keeps the server names when it serves a built-in collection under two of its names', () => {
    expect(mergeCollections([openApi('objectinstances'), openApi('objects')]).map(c => c.name)).toEqual(['objectinstances', 'objects']);
  });

  it('without a document: the built-in list with every plausible path to try, the known name first', () => {
    const merged = mergeCollections(undefined);
    expect(merged.map(c => c.name)).toEqual(BUILTIN_COLLECTIONS.map(c => c.name));
    expect(merged.find(c => c.name === 'objectinstances')!.paths.slice(0, 2)).toEqual(['objectinstances', 'objects']);
    expect(merged.find(c => c.name === 'spaces')!.paths).toContain('rooms');
  });

  it('bimlink.collections renames a collection to one path, or adds one', () => {
    const merged = mergeCollections(undefined, { objectinstances: 'elements', clashes: 'clashdetections' });
    expect(merged.find(c => c.name === 'objectinstances')).toMatchObject({ paths: ['elements'], source: 'settings', storeyFilter: true, maxLimit: 1000 });
    expect(merged.find(c => c.name === 'clashes')).toMatchObject({ paths: ['clashdetections'], source: 'settings' });
    expect(merged).toHaveLength(BUILTIN_COLLECTIONS.length + 1);
  });
});
