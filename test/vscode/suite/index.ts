// The extension-tests entry point: the extension host calls run(), which runs the *.test.js suites beside this file
// that the run chose, in the phase the runner asked for (BIMLINK_TEST_PHASE):
//   main           the chosen tests, then the prepare steps of the chosen suites that have after-restart tests
//                  (helpers/restart.ts); the titles of those suites go to the file BIMLINK_TEST_RESTART names
//   after-restart  in a new window on the same profile: the after-restart tests of the suites that file names
//   none           no suite (the runner's self-check adds a deliberately failing test)
// BIMLINK_TEST_GREP (a regular expression, any case) chooses the whole suites whose title or file name matches it,
// or, when no suite does, the tests whose full title does; without it every suite is chosen.
import Mocha from 'mocha';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { restartTests } from '../helpers/restart';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30_000, reporter: 'spec' });
  for (const file of readdirSync(__dirname).filter(f => f.endsWith('.test.js')).sort()) mocha.addFile(path.join(__dirname, file));
  // Loaded now rather than by run(), so the suites can be chosen first (mocha's typings leave these two out).
  const loading = mocha as unknown as { lazyLoadFiles(lazy: boolean): void; loadFiles(): void };
  loading.lazyLoadFiles(true);
  loading.loadFiles();

  const phase = process.env.BIMLINK_TEST_PHASE ?? 'main';
  const note = process.env.BIMLINK_TEST_RESTART;
  const restart = restartTests();
  const root = mocha.suite;
  if (phase === 'main') {
    root.suites = root.suites.filter(s => !restart.some(r => r.suite === s));
    const grep = process.env.BIMLINK_TEST_GREP ? new RegExp(process.env.BIMLINK_TEST_GREP, 'i') : undefined;
    if (grep) {
      const named = root.suites.filter(s => grep.test(s.title) || grep.test(path.basename(s.file ?? '', '.test.js')));
      if (named.length) root.suites = named;
      else keepTests(root, test => grep.test(test.fullTitle()));
    }
    const due = restart.filter(r => root.suites.some(s => s.title === r.of && s.total() > 0));
    if (due.length) {
      const before = Mocha.Suite.create(root, 'Before the restart');
      before.timeout(90_000);
      for (const { of, prepare } of due) {
        before.addTest(new Mocha.Test(`prepares: ${of}`, function (this: Mocha.Context) {
          if (!process.env.BIMLINK_TEST_UI_DRIVER) this.skip(); // every prepare step signs in through the browser
          return prepare();
        }));
      }
    }
    if (note) writeFileSync(note, JSON.stringify(due.map(r => r.of)));
  } else if (phase === 'after-restart') {
    const due = new Set(note ? JSON.parse(readFileSync(note, 'utf8')) as string[] : []);
    root.suites = restart.filter(r => due.has(r.of)).map(r => r.suite);
  } else {
    root.suites = [];
  }

  if (process.env.BIMLINK_TEST_DELIBERATE_FAILURE) {
    // Proves that a failing test fails the whole run (run.ts --self-check).
    root.addTest(new Mocha.Test('a deliberately failing test', () => { throw new Error('deliberate failure'); }));
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run(failures => {
      const { passes = 0, failures: failed = 0, pending = 0 } = runner.stats ?? {};
      if (process.env.BIMLINK_TEST_DELIBERATE_FAILURE) console.log(`self-check: ${failed} test(s) failed, as intended`);
      // The plain summary line that CI's log reader counts.
      else console.log(`vscode: ${passes} passed, ${failed} failed${pending ? `, ${pending} skipped` : ''}`);
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed.`));
      else resolve();
    });
  });
}

/** Leaves in `suite` (and the suites in it) only the tests `keep` chooses; a suite left empty runs no hook. */
function keepTests(suite: Mocha.Suite, keep: (test: Mocha.Test) => boolean): void {
  suite.tests = suite.tests.filter(keep);
  for (const child of suite.suites) keepTests(child, keep);
}
