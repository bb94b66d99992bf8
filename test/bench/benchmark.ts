// What a benchmark module is, and the one line format every benchmark prints: `bench <name>: <value> <unit>`.

export interface BenchContext {
  /** Prints `bench <name>: <value> <unit>` (the format CI reads). */
  report(name: string, value: number, unit: string): void;
  /** Free-form progress notes (stderr, so they never mix with results). */
  note(message: string): void;
}

export interface Benchmark {
  /** Short id, used to pick benchmarks on the command line: `npm run bench -- api-read-all`. */
  readonly name: string;
  readonly description: string;
  run(context: BenchContext): Promise<void>;
}

export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 100) return String(Math.round(value));
  // below 0.01 two decimals would read 0.00 (a cached hover takes microseconds): three significant digits instead
  if (value !== 0 && Math.abs(value) < 0.01) return value.toPrecision(3);
  return value.toFixed(2);
}

/** The middle value (the upper one of an even count); the values are left as they are. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('the median of no values: the bench measured nothing');
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}
