// The navigation tree: domain accounts → locations → projects → project phases. Small and
// static; ids are hashed from the names so they are the same on every run.

import { hashString } from '../random';
import { guidFromName } from './ids';
import type { LayoutName } from './layouts';

export interface PhaseNode {
  readonly id: string;
  readonly name: string;
  readonly code: string;
  readonly order: number;
  /** Seed for everything generated inside the phase. */
  readonly key: number;
  /** account/location/project/code: what user visibility patterns match. */
  readonly path: readonly string[];
  readonly domainAccountId: string;
  readonly layout: LayoutName;
  /** `large` phases take their size from `largePhaseObjectInstances`. */
  readonly size: 'default' | 'large';
  /** Seed shared by the phases of one project: their objects are one history (phaseHistory.ts). */
  readonly projectKey: number;
  /** 0-based position in the project's phase list. */
  readonly ordinal: number;
  /** The sizes of all phases of the project, in order (a phase's history depends on its predecessors). */
  readonly projectSizes: readonly ('default' | 'large')[];
}

export interface ProjectNode {
  readonly id: string;
  readonly name: string;
  readonly number: string;
  readonly phases: readonly PhaseNode[];
}

export interface LocationNode {
  readonly id: string;
  readonly name: string;
  readonly city: string;
  readonly projects: readonly ProjectNode[];
}

export interface DomainAccountNode {
  readonly id: string;
  readonly name: string;
  readonly locations: readonly LocationNode[];
}

/** The Dutch design/build phases (order is BIMlink's phase order). */
const PHASES = {
  SO: { name: 'Schetsontwerp', code: 'SO', order: 1 },
  VO: { name: 'Voorlopig ontwerp', code: 'VO', order: 2 },
  DO: { name: 'Definitief ontwerp', code: 'DO', order: 3 },
  UITV: { name: 'Uitvoering', code: 'UITV', order: 4 },
  BEH: { name: 'Beheer', code: 'BEH', order: 5 },
  GROOT: { name: 'Groot model', code: 'GM', order: 6 },
} as const;
type PhaseKind = keyof typeof PHASES;

interface ProjectSeed { name: string; number: string; layout: LayoutName; phases: PhaseKind[] }
interface LocationSeed { name: string; city: string; projects: ProjectSeed[] }
interface AccountSeed { name: string; locations: LocationSeed[] }

const SEEDS: AccountSeed[] = [
  {
    name: 'Demo Vastgoed BV',
    locations: [
      {
        name: 'Campus Noord, Utrecht',
        city: 'Utrecht',
        projects: [
          { name: 'Nieuwbouw Gebouw B', number: 'P-2023-014', layout: 'gebouwB', phases: ['SO', 'VO', 'DO', 'UITV', 'BEH'] },
          { name: 'Renovatie Gebouw A', number: 'P-2021-006', layout: 'gebouwA', phases: ['DO', 'UITV', 'BEH'] },
        ],
      },
      {
        name: 'Zorgpark Oost, Amersfoort',
        city: 'Amersfoort',
        projects: [
          { name: 'Nieuwbouw Ziekenhuis Oost', number: 'P-2024-031', layout: 'ziekenhuis', phases: ['DO', 'GROOT'] },
        ],
      },
    ],
  },
  {
    name: 'Woonstichting De Linde',
    locations: [
      {
        name: 'Hanzeland, Zwolle',
        city: 'Zwolle',
        projects: [
          { name: 'Renovatie 48 portiekwoningen', number: 'WDL-2022-03', layout: 'woningen', phases: ['VO', 'UITV', 'BEH'] },
        ],
      },
      {
        name: 'Brink, Deventer',
        city: 'Deventer',
        projects: [
          { name: 'Transformatie kantoor Brink 12', number: 'WDL-2024-11', layout: 'kantoor', phases: ['SO', 'VO'] },
        ],
      },
    ],
  },
];

const sizeOf = (kind: PhaseKind): PhaseNode['size'] => (kind === 'GROOT' ? 'large' : 'default');

function build(): DomainAccountNode[] {
  return SEEDS.map((account) => {
    const domainAccountId = guidFromName(`account/${account.name}`);
    return {
      id: domainAccountId,
      name: account.name,
      locations: account.locations.map((location) => ({
        id: guidFromName(`location/${account.name}/${location.name}`),
        name: location.name,
        city: location.city,
        projects: location.projects.map((project) => ({
          id: guidFromName(`project/${account.name}/${location.name}/${project.name}`),
          name: project.name,
          number: project.number,
          phases: project.phases.map((kind, ordinal): PhaseNode => {
            const path = [account.name, location.name, project.name, PHASES[kind].code];
            return {
              ...PHASES[kind],
              id: guidFromName(`phase/${path.join('/')}`),
              key: hashString(path.join('/')),
              path,
              domainAccountId,
              layout: project.layout,
              size: sizeOf(kind),
              projectKey: hashString(`project/${path.slice(0, 3).join('/')}`),
              ordinal,
              projectSizes: project.phases.map(sizeOf),
            };
          }),
        })),
      })),
    };
  });
}

export const CATALOG: readonly DomainAccountNode[] = build();

export const ALL_PHASES: readonly PhaseNode[] = CATALOG.flatMap((a) =>
  a.locations.flatMap((l) => l.projects.flatMap((p) => p.phases)),
);

/** Well-known ids, printed at startup and handy in tests. */
export const DEMO_IDS = {
  demoVastgoed: CATALOG[0]!.id,
  deLinde: CATALOG[1]!.id,
  /** "Nieuwbouw Gebouw B", phase DO (both demo users see it). */
  gebouwBDefinitiefOntwerp: phaseAt('Demo Vastgoed BV', 'Nieuwbouw Gebouw B', 'DO').id,
  /** "Nieuwbouw Gebouw B", phase SO (only Anna sees it). */
  gebouwBSchetsontwerp: phaseAt('Demo Vastgoed BV', 'Nieuwbouw Gebouw B', 'SO').id,
  /** "Nieuwbouw Ziekenhuis Oost", phase "Groot model": the large phase. */
  grootModel: phaseAt('Demo Vastgoed BV', 'Nieuwbouw Ziekenhuis Oost', 'GM').id,
} as const;

function phaseAt(account: string, project: string, code: string): PhaseNode {
  const phase = ALL_PHASES.find((p) => p.path[0] === account && p.path[2] === project && p.code === code);
  if (!phase) throw new Error(`No phase ${account}/${project}/${code}`);
  return phase;
}
