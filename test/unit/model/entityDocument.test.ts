import { describe, expect, it } from 'vitest';
import { EntityDocumentPathError, entityDocumentPath, pageTitle, parseEntityDocumentPath, titleOf, type EntityDocumentRef } from '../../../src/core/model/entityDocument';

const page: EntityDocumentRef = { kind: 'page', domainAccountId: 'da-1', projectPhaseId: 'ph/2', collection: 'objectinstances', storeyId: 'st 3', offset: 200, limit: 100 };
const entity: EntityDocumentRef = { kind: 'entity', domainAccountId: 'da-1', projectPhaseId: 'ph', collection: 'todos', entityId: 'a/b?c#d' };

describe('entity document paths', () => {
  it('round-trip a page, with or without a storey, and a single entity, odd characters included', () => {
    expect(parseEntityDocumentPath(entityDocumentPath(page, 'objectinstances · 00 Begane grond · 201–300 of 2,500'))).toEqual(page);
    const { storeyId: _storey, ...withoutStorey } = page;
    expect(parseEntityDocumentPath(entityDocumentPath(withoutStorey as EntityDocumentRef, 'x'))).toEqual(withoutStorey);
    expect(parseEntityDocumentPath(entityDocumentPath(entity, 'todo'))).toEqual(entity);
  });

  it('end in a .json title that reads as it is, for the tab (not percent-encoded)', () => {
    const path = entityDocumentPath(page, 'objectinstances · 00 Begane grond · 201–300 of 2,500');
    expect(path.split('/').pop()).toBe('objectinstances · 00 Begane grond · 201–300 of 2,500.json');
    expect(path).toBe('/da-1/ph%2F2/objectinstances/st 3/200-100/objectinstances · 00 Begane grond · 201–300 of 2,500.json');
    expect(titleOf(path)).toBe('objectinstances · 00 Begane grond · 201–300 of 2,500');
    expect(entityDocumentPath(page, 'a/b\\c\u0000').split('/')).toHaveLength(7);
    expect(titleOf(entityDocumentPath(page, '100% done'))).toBe('100% done');
  });

  it('keeps ids that look like the path\'s own markers apart from them', () => {
    for (const odd of ['-', 'entity', '%2D', '%', '/', 'a/b', '%41', 'entity/x']) {
      const asStorey: EntityDocumentRef = { ...page, storeyId: odd } as EntityDocumentRef;
      expect(parseEntityDocumentPath(entityDocumentPath(asStorey, 't'))).toEqual(asStorey);
      expect(parseEntityDocumentPath(entityDocumentPath({ ...entity, entityId: odd } as EntityDocumentRef, 't'))).toEqual({ ...entity, entityId: odd });
    }
  });

  it.each([
    ['', /six parts/],
    ['/da/ph/objectinstances/-/0-100', /six parts/],
    ['/da/ph/objectinstances/-/0-100/x.txt', /\.json/],
    ['/da/ph/objectinstances/-/0-100/.json', /\.json/],
    ['/da/ph/Object Instances/-/0-100/x.json', /not a collection name/],
    ['/da/ph/../-/0-100/x.json', /not a collection name/],
    ['/da/ph/objectinstances/-/-5-100/x.json', /<offset>-<limit>/],
    ['/da/ph/objectinstances/-/1e3-100/x.json', /<offset>-<limit>/],
    ['/da/ph/objectinstances/-/0-0/x.json', /from 1 to 1000/],
    ['/da/ph/objectinstances/-/0-5000/x.json', /<offset>-<limit>|from 1 to 1000/],
    ['/da/ph/objectinstances/-/99999999999-100/x.json', /<offset>-<limit>/],
    ['/da/ph/objectinstances/-/9999999999-100/x.json', /at most/],
    ['/../ph/objectinstances/-/0-100/x.json', /domain account id/],
    ['/da/%2E%2E/objectinstances/-/0-100/x.json', /project phase id/],
    ['/da/ph/objectinstances/%00/0-100/x.json', /storey id/],
    ['/da/ph/objectinstances/entity//x.json', /entity id/],
    ['/da/ph/objectinstances/-/0-100/%E0%A4%A.json', /title is not properly encoded/],
    ['/da/ph/objectinstances/-/0-100/50%.json', /title is not properly encoded/],
    ['/%E0%A4%A/ph/objectinstances/-/0-100/x.json', /encoded/],
    [`/${'a'.repeat(300)}/ph/objectinstances/-/0-100/x.json`, /domain account id/],
    // unknown or malformed collections
    ['/da/ph//-/0-100/x.json', /not a collection name/],
    ['/da/ph/9lives/-/0-100/x.json', /not a collection name/],
    ['/da/ph/object.instances/-/0-100/x.json', /not a collection name/],
    ['/da/ph/objects%2Fmore/-/0-100/x.json', /not a collection name/],
    ['/da/ph/%2E%2E/-/0-100/x.json', /not a collection name/],
    [`/da/ph/${'c'.repeat(65)}/-/0-100/x.json`, /not a collection name/],
    ['/da/ph/objectinstances%00/-/0-100/x.json', /not a collection name/],
    ['/da/ph/<script>/-/0-100/x.json', /not a collection name/],
    // path traversal and extra or missing parts
    ['/da/ph/objectinstances/-/0-100/../../x.json', /six parts/],
    ['/../../../etc/passwd', /six parts/],
    ['/da/ph/objectinstances/-/0-100/x.json/', /six parts/],
    ['//ph/objectinstances/-/0-100/x.json', /domain account id/],
    ['/da//objectinstances/-/0-100/x.json', /project phase id/],
    ['/./ph/objectinstances/-/0-100/x.json', /domain account id/],
    ['/da/%2E/objectinstances/-/0-100/x.json', /project phase id/],
    ['/da/ph/objectinstances/%2E%2E/0-100/x.json', /storey id/],
    ['da/ph/objectinstances/-/0-100/x.json', /six parts/],
    ['/da/ph/objectinstances/-/0-100/x.json?offset=5', /\.json/],
    // huge, negative or non-numeric pages
    ['/da/ph/objectinstances/-/1000000001-100/x.json', /at most/],
    ['/da/ph/objectinstances/-/0-1001/x.json', /from 1 to 1000/],
    ['/da/ph/objectinstances/-/0-10000/x.json', /<offset>-<limit>/],
    ['/da/ph/objectinstances/-/NaN-100/x.json', /<offset>-<limit>/],
    ['/da/ph/objectinstances/-/Infinity-100/x.json', /<offset>-<limit>/],
    ['/da/ph/objectinstances/-/0x10-100/x.json', /<offset>-<limit>/],
    ['/da/ph/objectinstances/-/1.5-100/x.json', /<offset>-<limit>/],
    ['/da/ph/objectinstances/-/ 0-100/x.json', /<offset>-<limit>/],
    ['/da/ph/objectinstances/-/0-100-200/x.json', /<offset>-<limit>/],
    ['/da/ph/objectinstances/-/0/x.json', /<offset>-<limit>/],
    ['/da/ph/objectinstances/-/-/x.json', /<offset>-<limit>/],
    ['/da/ph/objectinstances/-/0--1/x.json', /<offset>-<limit>/],
    ['/da/ph/objectinstances/-/٣-100/x.json', /<offset>-<limit>/],
    // ids with odd characters
    ['/da/ph/objectinstances/entity/a%0Ab/x.json', /entity id/],
    ['/da/ph/objectinstances/entity/%7F/x.json', /entity id/],
    ['/da/ph/objectinstances/entity/%2E%2E/x.json', /entity id/],
    [`/da/ph/objectinstances/entity/${'x'.repeat(257)}/x.json`, /entity id/],
    ['/da/ph/objectinstances/entity/100%/x.json', /entity id is not properly encoded/],
    ['/da/ph/objectinstances/entity/%ZZ/x.json', /entity id is not properly encoded/],
    ['/da/ph/objectinstances/entity/%C3%A9/x.json', /entity id is not properly encoded/],
    ['/da%/ph/objectinstances/-/0-100/x.json', /domain account id is not properly encoded/],
    ['/da/ph%1/objectinstances/-/0-100/x.json', /project phase id is not properly encoded/],
    ['/da/ph/objectinstances/st%0D/0-100/x.json', /storey id/],
    // titles
    ['/da/ph/objectinstances/-/0-100/x.JSON', /\.json/],
    ['/da/ph/objectinstances/-/0-100/x', /\.json/],
    ['/da/ph/objectinstances/-/0-100/%.json', /title is not properly encoded/],
    [`/da/ph/objectinstances/-/0-100/${'t'.repeat(5000)}.json`, /too long/],
  ])('refuses %j with a clear reason', (path, reason) => {
    let error: unknown;
    try { parseEntityDocumentPath(path); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(EntityDocumentPathError);
    expect((error as Error).message).toMatch(/^This is not a BIMlink entity document address: /);
    expect((error as Error).message).toMatch(reason);
  });
});

describe('pageTitle', () => {
  it('names the collection, storey and range', () => {
    expect(pageTitle('objects', '00 Begane grond', 0, 100, 12345)).toBe('objects · 00 Begane grond · 1–100 of 12,345');
    expect(pageTitle('materials', undefined, 100, 7, undefined)).toBe('materials · 101–107');
    expect(pageTitle('todos', undefined, 500, 0, 20)).toBe('todos · none from 501 of 20');
  });
});
