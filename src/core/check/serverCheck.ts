// BIMlink: Check Server. Probes the configured servers the way the extension uses them — sign-in discovery, the
// access token, domain accounts, locations, the spatial structure, the OpenAPI document, each collection's first
// item, the largest page — and says for each step what was asked, what came back, which name or key matched and
// how long it took. For API integrators whose server speaks another dialect than the one this client guessed.
import type { BimlinkClient, PhaseScope } from '../api/client';
import type { CollectionInfo } from '../api/dto';
import { fieldNames, findKey } from '../api/fieldNames';
import { readLocations, readSpatialStructureElement } from '../api/readDto';
import { isObject, type JsonObject } from '../api/readJson';
import { paginationHeaderNames, queryNames, routes } from '../api/routes';
import { failed, matchedKeys, paginationHeaders, skipped, timed, tried, type CheckStep } from './checkStep';
import { discovery, token } from './signInChecks';

export type { CheckStep, Verdict } from './checkStep';

export interface ServerCheckInput {
  /** The API client of the signed-in account; undefined when no one is signed in (only the public steps run). */
  readonly api: BimlinkClient | undefined;
  /** An unauthenticated client for the sign-in server (discovery) and the OpenAPI document. */
  readonly anonymousAuthority: BimlinkClient;
  readonly anonymousApi: BimlinkClient;
  readonly authority: string;
  /** The access token's claims (never the token), when signed in. */
  readonly tokenClaims?: () => Promise<JsonObject>;
  /** The domain account to look into (the selected one), else the first. */
  readonly preferredDomainAccountId?: string;
  readonly signal?: AbortSignal;
}

const LARGE_PAGE = 1000;

/** Runs every step in order, handing each to `onStep` as it ends; a failed step never stops the ones that can run. */
export async function checkServer(input: ServerCheckInput, onStep: (step: CheckStep) => void): Promise<CheckStep[]> {
  const steps: CheckStep[] = [];
  const add = (step: CheckStep) => {
    steps.push(step);
    onStep(step);
  };
  add(await discovery(input));
  add(await openApi(input));
  const { api } = input;
  if (!api) {
    add(skipped('API', 'Sign in to BIMlink to check the API as your account sees it.'));
    return steps;
  }
  if (input.tokenClaims) add(await token(input.tokenClaims));
  const accounts = await domainAccounts(api, input);
  add(accounts.step);
  if (!accounts.id) return steps;
  const phase = await locations(api, accounts.id, input.signal);
  add(phase.step);
  if (!phase.scope) return steps;
  add(await spatialStructure(api, phase.scope, input.signal));
  const collections = await api.discoverCollections({ signal: input.signal });
  for (const collection of collections) {
    input.signal?.throwIfAborted();
    add(await firstItem(api, phase.scope, collection, input.signal));
  }
  const largest = collections.find(c => c.name === 'objectinstances') ?? collections[0];
  if (largest) add(await largestPage(api, phase.scope, largest, input.signal));
  return steps;
}

async function openApi(input: ServerCheckInput): Promise<CheckStep> {
  const path = routes.openApiDocument();
  const title = 'OpenAPI document';
  const request = `GET ${path}`;
  const result = await timed(() => input.anonymousApi.get(path, {}, { auth: false, signal: input.signal }));
  if (!result.value) {
    return { ...failed(title, request, result, 'warning'),
      findings: [...failed(title, request, result).findings, 'Without it, the built-in collections are tried under their plausible names.'] };
  }
  const paths = isObject(result.value.body) && isObject(result.value.body.paths) ? Object.keys(result.value.body.paths).length : 0;
  return { title, request, outcome: String(result.value.status), verdict: paths ? 'ok' : 'warning', ms: result.ms, findings: [`${paths} paths`] };
}

async function domainAccounts(api: BimlinkClient, input: ServerCheckInput): Promise<{ step: CheckStep; id?: string }> {
  const path = routes.domainAccounts();
  const title = 'Domain accounts';
  const result = await timed(() => api.get(path, {}, { signal: input.signal }));
  if (!result.value) return { step: failed(title, `GET ${path}`, result) };
  const body = result.value.body;
  const list = Array.isArray(body) ? body : [];
  const first = list.find(isObject);
  const ids = list.filter(isObject).map(a => String(a[findKey(a, fieldNames.id) ?? ''] ?? ''));
  const id = ids.find(i => i.toLowerCase() === input.preferredDomainAccountId?.toLowerCase()) ?? ids[0];
  const findings = [
    Array.isArray(body) ? `${list.length} domain accounts` : 'the body is not a list',
    ...(first ? [`keys: ${matchedKeys(first, { id: fieldNames.id, name: fieldNames.name })}`] : []),
    ...(id ? [`looking into ${id}`] : []),
  ];
  return { step: { title, request: `GET ${path}`, outcome: String(result.value.status), verdict: id ? 'ok' : 'warning', ms: result.ms, findings }, id: id || undefined };
}

async function locations(api: BimlinkClient, domainAccountId: string, signal?: AbortSignal): Promise<{ step: CheckStep; scope?: PhaseScope }> {
  const path = routes.locations(domainAccountId);
  const title = 'Locations → projects → phases';
  const result = await timed(() => api.get(path, {}, { signal }));
  if (!result.value) return { step: failed(title, `GET ${path}`, result) };
  const body = result.value.body;
  const read = readLocations(body);
  const projects = read.flatMap(l => l.projects);
  const phases = projects.flatMap(p => p.phases);
  const firstLocation = read[0]?.data;
  const firstProject = projects[0]?.data;
  const firstPhase = phases[0]?.data;
  const findings = [
    `${read.length} locations, ${projects.length} projects, ${phases.length} phases`,
    ...(firstLocation ? [`location keys: ${matchedKeys(firstLocation, { name: fieldNames.name, ...fieldNames.location })}`] : []),
    ...(firstProject ? [`project keys: ${matchedKeys(firstProject, { name: fieldNames.name, ...fieldNames.project })}`] : []),
    ...(firstPhase ? [`phase keys: ${matchedKeys(firstPhase, { name: fieldNames.name, ...fieldNames.phase })}`] : []),
    ...(projects.length && !phases.length ? [`no project lists phases under any of: ${fieldNames.project.phases.join(', ')}; its keys are ${Object.keys(firstProject!).join(', ')}`] : []),
  ];
  const phase = phases[0];
  return {
    step: { title, request: `GET ${path}`, outcome: String(result.value.status), verdict: phase ? 'ok' : 'warning', ms: result.ms, findings },
    scope: phase && { domainAccountId, projectPhaseId: phase.id },
  };
}

async function spatialStructure(api: BimlinkClient, scope: PhaseScope, signal?: AbortSignal): Promise<CheckStep> {
  const title = 'Spatial structure';
  const resolved = await timed(() => api.resolveCollection(scope, 'spatial structure', { signal }));
  if (!resolved.value) return failed(title, `GET ${routes.phaseCollection(scope.domainAccountId, scope.projectPhaseId, '…')}`, resolved);
  const path = routes.phaseCollection(scope.domainAccountId, scope.projectPhaseId, resolved.value.path);
  const page = await timed(() => api.get(path, { [queryNames.limit]: 100, [queryNames.offset]: 0 }, { signal }));
  const request = `GET ${path}?limit=100&offset=0`;
  if (!page.value) return failed(title, request, page);
  const items = Array.isArray(page.value.body) ? page.value.body.filter(isObject) : [];
  const elements = items.map(readSpatialStructureElement).filter(e => e !== undefined);
  const storey = elements.find(e => e.type === 'Storey');
  const sample = storey?.data ?? items[0];
  const typeKey = sample && findKey(sample, fieldNames.spatialElement.type);
  const findings = [
    ...(resolved.value.attempts.length ? [`names tried: ${tried(resolved.value.attempts)}`] : [`served at …/${resolved.value.path}`]),
    `${items.length} elements on the first page; ${paginationHeaders(page.value)}`,
    ...(sample ? [`keys: ${matchedKeys(sample, { id: fieldNames.id, name: fieldNames.name, ...fieldNames.spatialElement })}`] : []),
    ...(storey && typeKey ? [`a storey's type is sent as ${JSON.stringify(storey.data[typeKey])}`] : []),
  ];
  return { title, request, outcome: String(page.value.status), verdict: storey ? 'ok' : 'warning', ms: resolved.ms + page.ms, findings };
}

async function firstItem(api: BimlinkClient, scope: PhaseScope, collection: CollectionInfo, signal?: AbortSignal): Promise<CheckStep> {
  const title = `Collection ${collection.name}`;
  const resolved = await timed(() => api.resolveCollection(scope, collection, { signal }));
  if (!resolved.value) return failed(title, `GET …/${collection.paths.join(' | …/')}`, resolved);
  const path = routes.phaseCollection(scope.domainAccountId, scope.projectPhaseId, resolved.value.path);
  const request = `GET ${path}?limit=1&offset=0`;
  const page = await timed(() => api.get(path, { [queryNames.limit]: 1, [queryNames.offset]: 0 }, { signal }));
  if (!page.value) return failed(title, request, page);
  const first = Array.isArray(page.value.body) ? page.value.body.find(isObject) : undefined;
  const findings = [
    `source: ${collection.source}${resolved.value.attempts.length ? `; names tried: ${tried(resolved.value.attempts)}` : ''}`,
    paginationHeaders(page.value),
    ...(first ? [`id ← ${findKey(first, fieldNames.id) ?? 'absent'}; keys: ${Object.keys(first).join(', ')}`] : ['the first page is empty']),
  ];
  return { title, request, outcome: String(page.value.status), verdict: Array.isArray(page.value.body) ? 'ok' : 'warning', ms: resolved.ms + page.ms, findings };
}

async function largestPage(api: BimlinkClient, scope: PhaseScope, collection: CollectionInfo, signal?: AbortSignal): Promise<CheckStep> {
  const title = `Largest page (${collection.name})`;
  const { path: segment } = await api.resolveCollection(scope, collection, { signal });
  const path = routes.phaseCollection(scope.domainAccountId, scope.projectPhaseId, segment);
  const asked = Math.max(LARGE_PAGE, collection.maxLimit ?? 0);
  const request = `GET ${path}?limit=${asked}&offset=0`;
  const page = await timed(() => api.get(path, { [queryNames.limit]: asked, [queryNames.offset]: 0 }, { signal }));
  if (!page.value) return failed(title, request, page, 'warning');
  const count = Array.isArray(page.value.body) ? page.value.body.length : 0;
  const granted = page.value.headers.get(paginationHeaderNames.limit);
  const findings = [
    `asked ${asked}, received ${count}${granted ? `; ${paginationHeaderNames.limit}: ${granted}` : ''}`,
    ...(collection.maxLimit !== undefined ? [`the ${collection.source === 'openapi' ? 'OpenAPI document' : 'built-in list'} says at most ${collection.maxLimit}`] : []),
  ];
  return { title, request, outcome: String(page.value.status), verdict: 'ok', ms: page.ms, findings };
}
