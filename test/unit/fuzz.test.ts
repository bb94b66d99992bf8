// Property-based tests (fast-check) of what reads input from outside: the bimlink: document path parser, and the
// readers of the server's answers (JSON bodies, DTOs, pagination headers, the paginated read itself). Whatever comes
// in, they either give a value that keeps their promises or fail with their own clear error, never anything else.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BodyProblem, parseJsonText } from '../../src/core/api/body';
import { describePage, paginate, readPaginationHeaders, type RawPage } from '../../src/core/api/pagination';
import { entityIdOf, readDomainAccounts, readEntity, readLocations, readSpatialStructureElement } from '../../src/core/api/readDto';
import { EntityDocumentPathError, entityDocumentPath, maxLimit, maxOffset, parseEntityDocumentPath, titleOf, type EntityDocumentRef } from '../../src/core/model/entityDocument';

const runs = { numRuns: 2000 };

// eslint-disable-next-line no-control-regex
const anId = fc.string({ unit: 'binary', minLength: 1, maxLength: 80 }).filter(s => !/[\u0000-\u001f\u007f]/.test(s) && s !== '.' && s !== '..');
const aCollection = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,20}$/);
const aRef: fc.Arbitrary<EntityDocumentRef> = fc.oneof(
  fc.record({
    kind: fc.constant('page' as const), domainAccountId: anId, projectPhaseId: anId, collection: aCollection,
    storeyId: fc.option(anId, { nil: undefined }), offset: fc.integer({ min: 0, max: maxOffset }), limit: fc.integer({ min: 1, max: maxLimit }),
  }).map(({ storeyId, ...page }) => (storeyId === undefined ? page : { ...page, storeyId })),
  fc.record({ kind: fc.constant('entity' as const), domainAccountId: anId, projectPhaseId: anId, collection: aCollection, entityId: anId }),
);
/** Paths that look like document paths: seven parts made of the characters that matter. */
// eslint-disable-next-line no-control-regex -- NUL is one of them
const aPathLike = fc.array(fc.stringMatching(/^[a-z0-9%./\-_ A-F\u00b7\u0000]{0,12}$/), { minLength: 1, maxLength: 9 }).map(parts => parts.join('/'));

function parsesOrRefuses(path: string): void {
  let ref: EntityDocumentRef;
  try {
    ref = parseEntityDocumentPath(path);
  } catch (error) {
    expect(error).toBeInstanceOf(EntityDocumentPathError);
    expect((error as Error).message).toMatch(/^This is not a BIMlink entity document address: .+\.$/);
    return;
  }
  expect(ref.collection).toMatch(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/);
  for (const id of [ref.domainAccountId, ref.projectPhaseId, ref.kind === 'page' ? ref.storeyId : ref.entityId]) {
    if (id === undefined) continue;
    expect(id.length).toBeGreaterThan(0);
    expect(id.length).toBeLessThanOrEqual(256);
    // eslint-disable-next-line no-control-regex -- control characters are what an id must not hold
    expect(id).not.toMatch(/[\u0000-\u001f\u007f]/);
    expect(['.', '..']).not.toContain(id);
  }
  if (ref.kind === 'page') {
    expect(Number.isInteger(ref.offset) && ref.offset >= 0 && ref.offset <= maxOffset).toBe(true);
    expect(Number.isInteger(ref.limit) && ref.limit >= 1 && ref.limit <= maxLimit).toBe(true);
  }
}

describe('bimlink: document paths, fuzzed', () => {
  it('any valid document round-trips through its path, whatever its ids and title hold', () => {
    fc.assert(fc.property(aRef, fc.string({ unit: 'binary', maxLength: 200 }), (ref, title) => {
      const path = entityDocumentPath(ref, title);
      expect(path.split('/')).toHaveLength(7);
      expect(parseEntityDocumentPath(path)).toEqual(ref);
      expect(titleOf(path)).not.toContain('/');
    }), runs);
  });

  it('any string is either a valid document or refused with a clear reason', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), parsesOrRefuses), runs);
    fc.assert(fc.property(aPathLike, path => parsesOrRefuses(`/${path}`)), runs);
  });

  it('a valid path with one part changed at random is still either valid or refused clearly', () => {
    fc.assert(fc.property(aRef, fc.nat(6), fc.string({ unit: 'binary', maxLength: 40 }), (ref, index, part) => {
      const parts = entityDocumentPath(ref, 'title').split('/');
      parts[index + 1] = part;
      parsesOrRefuses(parts.join('/'));
    }), runs);
  });
});

describe('the server\'s answers, fuzzed', () => {
  it('a body is JSON, or a BodyProblem that says what it was', () => {
    const bodies = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.json(), fc.json().map(j => j.slice(0, Math.floor(j.length / 2))),
      fc.constantFrom('', ' \n', '<html><body>502 Bad Gateway</body></html>', '\ufeff[]', 'null'));
    fc.assert(fc.property(bodies, fc.option(fc.constantFrom('application/json', 'text/html; charset=utf-8', 'text/plain'), { nil: null }), (text, type) => {
      try {
        parseJsonText(text, type);
      } catch (error) {
        expect(error).toBeInstanceOf(BodyProblem);
        expect((error as Error).message).toMatch(/^the body|^an HTML page/);
      }
    }), runs);
  });

  it('the DTO readers take any JSON value and give items with string ids, never throwing nor changing the value', () => {
    fc.assert(fc.property(fc.jsonValue(), fc.array(fc.jsonValue()), (value, list) => {
      for (const input of [value, list]) {
        for (const account of readDomainAccounts(structuredClone(input))) expect(typeof account.id).toBe('string');
        for (const location of readLocations(structuredClone(input))) {
          expect(typeof location.id).toBe('string');
          expect(Array.isArray(location.projects)).toBe(true);
        }
        const element = readSpatialStructureElement(structuredClone(input));
        if (element) expect(typeof element.id).toBe('string');
        const sent = structuredClone(input);
        const entity = readEntity(sent);
        if (entity) {
          expect(entity).toBe(sent);
          expect(typeof entityIdOf(entity)).toBe('string');
        }
        expect(sent).toEqual(input);
        readLocations(sent);
        readSpatialStructureElement(sent);
        expect(sent).toEqual(input);
      }
    }), runs);
  });

  it('pagination headers are non-negative integers or absent, whatever the server sends', () => {
    fc.assert(fc.property(fc.dictionary(fc.constantFrom('Pagination-Limit', 'Pagination-Offset', 'Pagination-Result'), fc.string({ maxLength: 25 })), raw => {
      const headers = readPaginationHeaders({ get: name => raw[name] ?? null });
      for (const value of Object.values(headers)) {
        if (value !== undefined) expect(Number.isSafeInteger(value) && value >= 0).toBe(true);
      }
    }), runs);
  });

  it('a page\'s total is believed only when it fits what was received', () => {
    const header = fc.option(fc.nat(5000), { nil: undefined });
    fc.assert(fc.property(fc.record({ limit: header, offset: header, total: header }), fc.nat(4000), fc.integer({ min: 1, max: 1000 }), fc.nat(1000),
      (headers, offset, asked, count) => {
        const { served, last, total } = describePage(headers, offset, asked, count);
        expect(served >= 1 && served <= asked).toBe(true);
        expect(last).toBe(count < served);
        if (total !== undefined && count > 0) expect(total).toBeGreaterThanOrEqual(offset + count);
      }), runs);
  });

  it('a paginated read of any server, however it lies, ends, and never yields an id twice', async () => {
    const page = fc.record({
      ids: fc.array(fc.oneof(fc.constantFrom('a', 'b', 'c', ''), fc.string({ maxLength: 3 })), { maxLength: 12 }),
      limit: fc.option(fc.nat(20), { nil: undefined }),
      offset: fc.option(fc.nat(60), { nil: undefined }),
      total: fc.option(fc.nat(80), { nil: undefined }),
    });
    await fc.assert(fc.asyncProperty(fc.array(page, { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 4 }),
      async (script, limit, prefetch) => {
        let requests = 0;
        // the server answers from its script, then repeats its last page forever
        const fetchPage = async (): Promise<RawPage<{ id: string }>> => {
          const answer = script[Math.min(requests++, script.length - 1)]!;
          return { items: answer.ids.map(id => ({ id })), headers: { limit: answer.limit, offset: answer.offset, total: answer.total } };
        };
        const seen = new Set<string>();
        const maxPages = 30;
        try {
          for await (const { items } of paginate(fetchPage, { limit, prefetch, maxPages, idOf: item => item.id, label: { method: 'GET', path: '/fuzz' } })) {
            for (const { id } of items) {
              if (id === '') continue;
              expect(seen.has(id)).toBe(false);
              seen.add(id);
            }
          }
        } catch (error) {
          expect((error as Error).message).toMatch(/endless loop/);
        }
        expect(requests).toBeLessThanOrEqual(maxPages);
      }), { numRuns: 500 });
  });
});
