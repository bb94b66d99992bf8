// What a suite checks after VS Code restarted on the same profile. The runner runs the chosen suites in one window,
// then — only when a chosen suite declared after-restart tests — the prepare steps, then a second window on the same
// profile with those tests. Each suite file is its own bundle, so the declarations meet suite/index.ts through a
// global list rather than a shared module.
import type Mocha from 'mocha';

export interface RestartTests {
  /** The title of the suite these tests belong to: they run when any of its tests was chosen. */
  readonly of: string;
  /** The mocha suite of the tests themselves (`<of> after a restart`). */
  readonly suite: Mocha.Suite;
  /** Runs last in the first window: leaves what the tests look for after the restart. */
  readonly prepare: () => Promise<void>;
}

const registry = globalThis as { bimlinkRestartTests?: RestartTests[] };

export function restartTests(): RestartTests[] {
  return (registry.bimlinkRestartTests ??= []);
}

/**
 * Declares tests of the suite titled `of` that run in the window after a restart; `prepare` runs at the end of the
 * first window. Call it at the top level of a suite file, beside the suite.
 */
export function afterRestart(of: string, prepare: () => Promise<void>, tests: (this: Mocha.Suite) => void): void {
  restartTests().push({ of, suite: suite(`${of} after a restart`, tests), prepare });
}
