// The data one emulator serves, seen through a user's eyes: which domain accounts, locations,
// projects and phases they may see, and each phase's dataset (built on first use, then kept;
// a dataset is a few kilobytes whatever its size).

import { ALL_PHASES, CATALOG, type DomainAccountNode, type LocationNode, type PhaseNode } from './catalog';
import { buildPhaseDataset, type PhaseDataset } from './phaseDataset';
import { userSeesPath, type DemoUser } from './users';

export interface DataSizeOptions {
  /** Object instances in each ordinary phase. */
  readonly objectInstances: number;
  /** Object instances in the "Groot model" phase. */
  readonly largePhaseObjectInstances: number;
}

export type PhaseLookup =
  | { readonly status: 'ok'; readonly dataset: PhaseDataset }
  | { readonly status: 'not-found' | 'forbidden'; readonly what: string };

export class DemoData {
  readonly #sizes: DataSizeOptions;
  readonly #datasets = new Map<string, PhaseDataset>();

  constructor(sizes: DataSizeOptions) {
    this.#sizes = sizes;
  }

  domainAccountsOf(user: DemoUser): DomainAccountNode[] {
    return CATALOG.map((account) => visibleAccount(user, account)).filter((a): a is DomainAccountNode => a !== undefined);
  }

  /** The account as the user sees it: undefined when unknown, 'forbidden' when not theirs. */
  domainAccount(user: DemoUser, domainAccountId: string): DomainAccountNode | 'forbidden' | undefined {
    const account = CATALOG.find((a) => sameId(a.id, domainAccountId));
    if (!account) return undefined;
    return visibleAccount(user, account) ?? 'forbidden';
  }

  phase(user: DemoUser, domainAccountId: string, phaseId: string): PhaseLookup {
    const account = this.domainAccount(user, domainAccountId);
    if (account === undefined) return { status: 'not-found', what: `Domain account '${domainAccountId}'` };
    if (account === 'forbidden') return { status: 'forbidden', what: `domain account '${domainAccountId}'` };
    const phase = ALL_PHASES.find((p) => sameId(p.id, phaseId) && p.domainAccountId === account.id);
    if (!phase) return { status: 'not-found', what: `Project phase '${phaseId}'` };
    if (!userSeesPath(user, phase.path)) return { status: 'forbidden', what: `project phase '${phaseId}'` };
    return { status: 'ok', dataset: this.dataset(phase) };
  }

  dataset(phase: PhaseNode): PhaseDataset {
    let dataset = this.#datasets.get(phase.id);
    if (!dataset) {
      dataset = buildPhaseDataset(phase, this.#sizes);
      this.#datasets.set(phase.id, dataset);
    }
    return dataset;
  }
}

const sameId = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

function visibleAccount(user: DemoUser, account: DomainAccountNode): DomainAccountNode | undefined {
  const locations = account.locations
    .map((location): LocationNode => ({
      ...location,
      projects: location.projects
        .map((project) => ({ ...project, phases: project.phases.filter((phase) => userSeesPath(user, phase.path)) }))
        .filter((project) => project.phases.length > 0),
    }))
    .filter((location) => location.projects.length > 0);
  return locations.length > 0 ? { ...account, locations } : undefined;
}
