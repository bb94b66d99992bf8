// `npm run bench` — runs every benchmark in benchmarks.ts (or those named on the command line) one after another.
// Results are lines `bench <name>: <value> <unit>` on stdout; progress goes to stderr.
import { BENCHMARKS } from './benchmarks';
import { formatValue, type BenchContext } from './benchmark';

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter(a => !a.startsWith('-'));
  const selected = wanted.length ? BENCHMARKS.filter(b => wanted.includes(b.name)) : BENCHMARKS;
  if (wanted.length && selected.length !== wanted.length) {
    const known = BENCHMARKS.map(b => b.name).join(', ');
    throw new Error(`unknown benchmark in ${wanted.join(', ')}; known: ${known}`);
  }
  const context: BenchContext = {
    report: (name, value, unit) => console.log(`bench ${name}: ${formatValue(value)} ${unit}`),
    note: message => console.error(`  ${message}`),
  };
  let failed = 0;
  for (const benchmark of selected) {
    const started = Date.now();
    console.error(`▶ ${benchmark.name}: ${benchmark.description}`);
    try {
      await benchmark.run(context);
      console.error(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } catch (error) {
      failed++;
      console.error(`✘ ${benchmark.name} failed:`, error);
    }
  }
  process.exitCode = failed ? 1 : 0;
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
