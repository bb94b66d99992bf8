// Counters for GET /__admin/stats: what was served and which faults were injected, so tests
// and benchmarks can assert on what the client actually did (e.g. how many retries).

export type RequestArea = 'api' | 'token' | 'oidc' | 'login' | 'admin' | 'other';
export type FaultKind = 'latency' | 'rateLimited' | 'serverError' | 'malformedJson' | 'paginationHeaders' | 'hostileNames' | 'separatedNames';

export interface StatsSnapshot {
  readonly requests: Record<RequestArea | 'total', number>;
  /** Responses by status code. */
  readonly responses: Record<string, number>;
  readonly faults: Record<FaultKind, number>;
}

export class Stats {
  #requests = zero<RequestArea | 'total'>(['total', 'api', 'token', 'oidc', 'login', 'admin', 'other']);
  #responses: Record<string, number> = {};
  #faults = zero<FaultKind>(['latency', 'rateLimited', 'serverError', 'malformedJson', 'paginationHeaders', 'hostileNames', 'separatedNames']);

  request(area: RequestArea): void {
    this.#requests.total++;
    this.#requests[area]++;
  }

  response(status: number): void {
    this.#responses[status] = (this.#responses[status] ?? 0) + 1;
  }

  fault(kind: FaultKind): void {
    this.#faults[kind]++;
  }

  snapshot(): StatsSnapshot {
    return { requests: { ...this.#requests }, responses: { ...this.#responses }, faults: { ...this.#faults } };
  }

  reset(): void {
    for (const key of Object.keys(this.#requests) as (RequestArea | 'total')[]) this.#requests[key] = 0;
    for (const key of Object.keys(this.#faults) as FaultKind[]) this.#faults[key] = 0;
    this.#responses = {};
  }
}

function zero<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}
