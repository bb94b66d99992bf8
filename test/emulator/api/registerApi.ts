// Serves the route table: bearer check, then (ASP.NET order) query validation, then the
// domain account / phase lookups with per-user visibility, then the page. Paths, JSON keys,
// limits, headers and error bodies as the dialect spells them (dialects.ts).

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DemoData } from '../data/demoData';
import { page, selectAll, selectStoreys, type Selection } from '../data/indexedList';
import type { PhaseDataset } from '../data/phaseDataset';
import { findUserBySub, type DemoUser } from '../data/users';
import { collectionPath, type Dialect } from '../dialects';
import type { FaultController } from '../faults';
import { NAVIGATION_ROUTES, PATH_PARAMETERS, PHASE_ROUTES, SCHEMAS, STOREY_FILTER_PARAMETER } from '../routes';
import type { Stats } from '../stats';
import type { BearerResult } from './bearer';
import { createDtoWriter, type DtoWriter } from './dialectJson';
import { registerFaultHooks } from './faultHooks';
import { hostileName, separatedName, withStoreyName } from './hostileNames';
import { parsePage, setPaginationHeaders } from './pagination';
import { sendProblem } from './problems';
import { queryReader, type Query, type QueryReader } from './query';
import type { Dto, PhaseRoute } from './routeModel';

export interface ApiDependencies {
  readonly data: DemoData;
  readonly faults: FaultController;
  readonly stats: Stats;
  readonly verify: (authorization: string | undefined) => Promise<BearerResult>;
  readonly requiredScope: string;
  readonly dialect: Dialect;
}

type Params = Record<string, string>;

/** What the handlers need of the dialect, prepared once. */
interface Spelling {
  readonly dialect: Dialect;
  readonly write: DtoWriter;
  readonly read: QueryReader;
  /** An error response: ProblemDetails, or status only when the dialect sends that status without a body. */
  readonly fail: (reply: FastifyReply, status: number, detail?: string, errors?: Record<string, string[]>) => FastifyReply;
}

function spellingOf(dialect: Dialect): Spelling {
  return {
    dialect,
    write: createDtoWriter(dialect.json, SCHEMAS),
    read: queryReader(dialect.queryNames),
    fail: (reply, status, detail, errors) =>
      dialect.emptyErrorBodies.includes(status) ? reply.code(status).send() : sendProblem(reply, status, detail, errors),
  };
}

/** OpenAPI `{name}` → fastify `:name`. */
export const toFastifyPath = (path: string): string => path.replace(/\{(\w+)\}/g, ':$1');

export function registerApi(app: FastifyInstance, deps: ApiDependencies): void {
  const users = new WeakMap<FastifyRequest, DemoUser>();
  const spelling = spellingOf(deps.dialect);
  const { fail, write } = spelling;
  registerFaultHooks(app, deps.faults, deps.stats);

  app.addHook('preHandler', async (request, reply) => {
    const result = await deps.verify(request.headers.authorization);
    if (!result.ok) return fail(reply.header('WWW-Authenticate', result.challenge), 401, 'The access token is missing or invalid.');
    if (!result.token.scopes.includes(deps.requiredScope)) {
      return fail(reply, 403, `The access token lacks the scope '${deps.requiredScope}'.`);
    }
    const user = findUserBySub(result.token.sub);
    if (!user) return fail(reply, 403, 'The user of this token has no access to BIMlink.');
    users.set(request, user);
    return undefined;
  });
  const userOf = (request: FastifyRequest): DemoUser => users.get(request)!;

  for (const route of NAVIGATION_ROUTES) {
    app.get(toFastifyPath(route.path), async (request, reply) => {
      const user = userOf(request);
      const accountId = (request.params as Params)[PATH_PARAMETERS.domainAccountId];
      const account = accountId === undefined ? undefined : deps.data.domainAccount(user, accountId);
      if (account === 'forbidden') return fail(reply, 403, `You have no access to domain account '${accountId}'.`);
      if (accountId !== undefined && account === undefined) return fail(reply, 404, `Domain account '${accountId}' was not found.`);
      return route.read({ accounts: deps.data.domainAccountsOf(user), account }).map((dto) => write(route.dto, dto));
    });
  }

  for (const route of PHASE_ROUTES) {
    const path = collectionPath(deps.dialect, route);
    app.get(toFastifyPath(path), (request, reply) => listPage(deps, spelling, route, userOf(request), request, reply));
    if (route.item) {
      const idParameter = route.item.idParameter;
      app.get(toFastifyPath(`${path}/{${idParameter}}`), async (request, reply) => {
        const dataset = await phaseOrProblem(deps, spelling, userOf(request), request.params as Params, reply);
        if (!dataset) return reply;
        const id = (request.params as Params)[idParameter]!;
        const list = route.open(dataset.collections);
        const index = list.indexOf(id);
        if (index === undefined) return fail(reply, 404, `${route.tag} item '${id}' was not found in this project phase.`);
        return write(route.dto, list.at(index));
      });
    }
  }
}

async function listPage(deps: ApiDependencies, spelling: Spelling, route: PhaseRoute, user: DemoUser, request: FastifyRequest, reply: FastifyReply): Promise<unknown> {
  const { dialect, fail, read, write } = spelling;
  const query = request.query as Query;
  const pageRequest = parsePage(query, route.limits, dialect.pagination, read);
  if (!pageRequest.ok) return fail(reply, 400, undefined, pageRequest.errors);
  const dataset = await phaseOrProblem(deps, spelling, user, request.params as Params, reply);
  if (!dataset) return reply;

  const list = route.open(dataset.collections);
  let selection: Selection<Dto> = selectAll(list);
  const filter = route.storeyFilter ? read(query, STOREY_FILTER_PARAMETER) : undefined;
  if (filter !== undefined) {
    // Guids bind case-insensitively in ASP.NET; the generated ids are lower case.
    const element = typeof filter === 'string' ? dataset.structure.byId.get(filter.toLowerCase()) : undefined;
    if (!element) {
      return fail(reply, 400, undefined, {
        [STOREY_FILTER_PARAMETER]: [`'${String(filter)}' is not a spatial structure element of this project phase.`],
      });
    }
    selection = selectStoreys(list, element.storeyFrom, element.storeyTo);
  }

  const { limit, offset } = pageRequest;
  if (setPaginationHeaders(reply, { limit, offset, total: selection.total }, dialect.pagination.total, deps.faults.get().paginationHeaders)) {
    deps.stats.fault('paginationHeaders');
  }
  const items = page(selection, offset, limit);
  const { hostileNames, separatedNames } = deps.faults.get();
  const rename = hostileNames ? hostileName : separatedNames ? separatedName : undefined;
  if (!rename) return items.map((dto) => write(route.dto, dto));
  if (route.name === 'spatialstructureelements') deps.stats.fault(hostileNames ? 'hostileNames' : 'separatedNames');
  return items.map((dto) => write(route.dto, withStoreyName(route, dto, rename)));
}

/** The phase's dataset, or undefined after sending 403/404. */
async function phaseOrProblem(deps: ApiDependencies, { fail }: Spelling, user: DemoUser, params: Params, reply: FastifyReply): Promise<PhaseDataset | undefined> {
  const lookup = deps.data.phase(user, params[PATH_PARAMETERS.domainAccountId]!, params[PATH_PARAMETERS.projectPhaseId]!);
  if (lookup.status === 'ok') return lookup.dataset;
  if (lookup.status === 'forbidden') fail(reply, 403, `You have no access to ${lookup.what}.`);
  else fail(reply, 404, `${lookup.what} was not found.`);
  return undefined;
}
