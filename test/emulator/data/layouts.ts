// Building layouts: plot → buildings → building parts → storeys. Each project uses one; each of
// its phases gets its own copy (with its own ids), as in BIMlink.

export interface StoreySeed {
  readonly name: string;
  /** Metres above the ground floor. */
  readonly elevation: number;
  readonly aliases: readonly string[];
}

export interface LayoutSeed {
  readonly plot: string;
  readonly buildings: readonly {
    readonly name: string;
    readonly parts: readonly { readonly name: string; readonly storeys: readonly StoreySeed[] }[];
  }[];
}

const ORDINALS = ['Begane grond', 'Eerste', 'Tweede', 'Derde', 'Vierde', 'Vijfde', 'Zesde', 'Zevende', 'Achtste', 'Negende', 'Tiende'];
const FLOOR_HEIGHT = 3.6;
const BASEMENT_DEPTH = 3.2;

/** Storeys from level `from` up to `to` (inclusive), named the Dutch way: "-01 Kelder", "00 Begane grond", "01 Eerste verdieping". */
export function storeys(from: number, to: number): StoreySeed[] {
  const result: StoreySeed[] = [];
  for (let level = from; level <= to; level++) {
    const code = level < 0 ? `-${String(-level).padStart(2, '0')}` : String(level).padStart(2, '0');
    if (level < 0) {
      result.push({ name: `${code} Kelder`, elevation: round2(level * BASEMENT_DEPTH), aliases: [`K${-level}`, `Level ${level}`] });
    } else if (level === 0) {
      result.push({ name: `${code} Begane grond`, elevation: 0, aliases: ['BG', 'Level 0'] });
    } else {
      result.push({ name: `${code} ${ORDINALS[level] ?? `${level}e`} verdieping`, elevation: round2(level * FLOOR_HEIGHT), aliases: [`${level}e verdieping`, `Level ${level}`] });
    }
  }
  return result;
}

const round2 = (value: number): number => Math.round(value * 100) / 100;

export const LAYOUTS = {
  gebouwB: {
    plot: 'Kavel B',
    buildings: [
      { name: 'Gebouw B', parts: [{ name: 'Hoofdgebouw', storeys: storeys(-1, 4) }, { name: 'Fietsenstalling', storeys: storeys(0, 0) }] },
    ],
  },
  gebouwA: {
    plot: 'Kavel A',
    buildings: [{ name: 'Gebouw A', parts: [{ name: 'Bestaande bouw', storeys: storeys(0, 3) }] }],
  },
  ziekenhuis: {
    plot: 'Kavel Zorgpark Oost',
    buildings: [
      { name: 'Beddenhuis', parts: [{ name: 'Kern', storeys: storeys(-1, 8) }] },
      { name: 'Poliklinieken', parts: [{ name: 'Vleugel Noord', storeys: storeys(0, 3) }, { name: 'Vleugel Zuid', storeys: storeys(0, 3) }] },
    ],
  },
  woningen: {
    plot: 'Hanzeland blok 3',
    buildings: [
      { name: 'Portiekflat 1', parts: [{ name: 'Woningen', storeys: storeys(0, 3) }] },
      { name: 'Portiekflat 2', parts: [{ name: 'Woningen', storeys: storeys(0, 3) }] },
    ],
  },
  kantoor: {
    plot: 'Brink 12',
    buildings: [{ name: 'Kantoor Brink', parts: [{ name: 'Hoofdvolume', storeys: storeys(-1, 5) }] }],
  },
} satisfies Record<string, LayoutSeed>;

export type LayoutName = keyof typeof LAYOUTS;
