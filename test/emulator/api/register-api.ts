// Serves the route table: bearer check, then (ASP.NET order) query validation, then the
// domain account / phase lookups with per-user visibility, then the page.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DemoData } from '../data/demo-data';
import { page, selectAll, selectStoreys, type Selection } from '../data/indexed-list';
import type { PhaseDataset } from '../data/phase-dataset';
import { findUserBySub, type DemoUser } from '../data/users';
import type { FaultController } from '../faults';
import { NAVIGATION_ROUTES, PATH_PARAMETERS, PHASE_ROUTES, STOREY_FILTER_PARAMETER } from '../routes';
import type { Stats } from '../stats';
import type { BearerResult } from './bearer';
import { registerFaultHooks } from './fault-hooks';
import { parsePage, setPaginationHeaders } from './pagination';
import { sendProblem } from './problems';
import type { Dto, PhaseRoute } from './route-model';

export interface ApiDependencies {
  readonly data: DemoData;
  readonly faults: FaultController;
  readonly stats: Stats;
  readonly verify: (authorization: string | undefined) => Promise<BearerResult>;
  readonly requiredScope: string;
}

type Params = Record<string, string>;
type Query = Record<string, string | string[] | undefined>;

/** OpenAPI `{name}` → fastify `:name`. */
export const toFastifyPath = (path: string): string => path.replace(/\{(\w+)\}/g, ':$1');

export function registerApi(app: FastifyInstance, deps: ApiDependencies): void {
  const users = new WeakMap<FastifyRequest, DemoUser>();
  registerFaultHooks(app, deps.faults, deps.stats);

  app.addHook('preHandler', async (request, reply) => {
    const result = await deps.verify(request.headers.authorization);
    if (!result.ok) return reply.code(401).header('WWW-Authenticate', result.challenge).send();
    if (!result.token.scopes.includes(deps.requiredScope)) {
      return sendProblem(reply, 403, `The access token lacks the scope '${deps.requiredScope}'.`);
    }
    const user = findUserBySub(result.token.sub);
    if (!user) return sendProblem(reply, 403, 'The user of this token has no access to BIMlink.');
    users.set(request, user);
    return undefined;
  });
  const userOf = (request: FastifyRequest): DemoUser => users.get(request)!;

  for (const route of NAVIGATION_ROUTES) {
    app.get(toFastifyPath(route.path), async (request, reply) => {
      const user = userOf(request);
      const accountId = (request.params as Params)[PATH_PARAMETERS.domainAccountId];
      const account = accountId === undefined ? undefined : deps.data.domainAccount(user, accountId);
      if (account === 'forbidden') return sendProblem(reply, 403, `You have no access to domain account '${accountId}'.`);
      if (accountId !== undefined && account === undefined) return sendProblem(reply, 404, `Domain account '${accountId}' was not found.`);
      return route.read({ accounts: deps.data.domainAccountsOf(user), account });
    });
  }

  for (const route of PHASE_ROUTES) {
    app.get(toFastifyPath(route.path), (request, reply) => listPage(deps, route, userOf(request), request, reply));
    if (route.item) {
      const idParameter = route.item.idParameter;
      app.get(toFastifyPath(`${route.path}/{${idParameter}}`), async (request, reply) => {
        const dataset = await phaseOrProblem(deps, userOf(request), request.params as Params, reply);
        if (!dataset) return reply;
        const id = (request.params as Params)[idParameter]!;
        const list = route.open(dataset.collections);
        const index = list.indexOf(id);
        if (index === undefined) return sendProblem(reply, 404, `${route.tag} item '${id}' was not found in this project phase.`);
        return list.at(index);
      });
    }
  }
}

async function listPage(deps: ApiDependencies, route: PhaseRoute, user: DemoUser, request: FastifyRequest, reply: FastifyReply): Promise<unknown> {
  const query = request.query as Query;
  const pageRequest = parsePage(query, route.limits);
  if (!pageRequest.ok) return sendProblem(reply, 400, undefined, pageRequest.errors);
  const dataset = await phaseOrProblem(deps, user, request.params as Params, reply);
  if (!dataset) return reply;

  const list = route.open(dataset.collections);
  let selection: Selection<Dto> = selectAll(list);
  const filter = route.storeyFilter ? query[STOREY_FILTER_PARAMETER] : undefined;
  if (filter !== undefined) {
    const element = typeof filter === 'string' ? dataset.structure.byId.get(filter.toLowerCase()) : undefined;
    if (!element) {
      return sendProblem(reply, 400, undefined, {
        [STOREY_FILTER_PARAMETER]: [`'${String(filter)}' is not a spatial structure element of this project phase.`],
      });
    }
    selection = selectStoreys(list, element.storeyFrom, element.storeyTo);
  }

  const { limit, offset } = pageRequest;
  if (setPaginationHeaders(reply, { limit, offset, total: selection.total }, deps.faults.get().paginationHeaders)) {
    deps.stats.fault('paginationHeaders');
  }
  return page(selection, offset, limit);
}

/** The phase's dataset, or undefined after sending 403/404. */
async function phaseOrProblem(deps: ApiDependencies, user: DemoUser, params: Params, reply: FastifyReply): Promise<PhaseDataset | undefined> {
  const lookup = deps.data.phase(user, params[PATH_PARAMETERS.domainAccountId]!, params[PATH_PARAMETERS.projectPhaseId]!);
  if (lookup.status === 'ok') return lookup.dataset;
  if (lookup.status === 'forbidden') sendProblem(reply, 403, `You have no access to ${lookup.what}.`);
  else sendProblem(reply, 404, `${lookup.what} was not found.`);
  return undefined;
}
