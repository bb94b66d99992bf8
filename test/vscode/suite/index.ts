// The extension-tests entry point: the extension host calls run(), which runs every *.test.js beside this file.
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import path from 'node:path';

export function run(): Promise<void> {
  // BIMLINK_TEST_GREP runs only the tests whose full title matches it (for working on one test).
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30_000, reporter: 'spec', grep: process.env.BIMLINK_TEST_GREP });
  // The run's phase picks the files: *.after-restart.test.js run only after VS Code restarted on the same profile.
  const phase = process.env.BIMLINK_TEST_PHASE ?? 'main';
  const inPhase = (file: string) => phase === 'after-restart' ? file.endsWith('.after-restart.test.js') : phase === 'main' && !file.endsWith('.after-restart.test.js');
  for (const file of readdirSync(__dirname).filter(f => f.endsWith('.test.js') && inPhase(f)).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  if (process.env.BIMLINK_TEST_DELIBERATE_FAILURE) {
    // Proves that a failing test fails the whole run (run.ts --self-check).
    mocha.suite.addTest(new Mocha.Test('a deliberately failing test', () => { throw new Error('deliberate failure'); }));
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
