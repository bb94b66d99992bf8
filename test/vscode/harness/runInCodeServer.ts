// Runs extension integration tests in code-server's real Node extension host, driven by Debian's chromium through
// playwright-core. The workbench is opened with the `payload` query that VS Code's own browser integration tests
// use (extensionDevelopmentPath / extensionTestsPath), so the tests' run() executes in the extension host; the
// workbench reports the result through window.codeAutomationExit(code) and forwards the extension host's console
// through window.codeAutomationLog.
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { startCodeServer, type CodeServer } from './codeServer';
import { findLeftovers } from './leftovers';
import { startUiDriver, type UiDriver } from './uiDriver';
import { recordNotifications } from './workbench';

export interface CodeServerRun {
  extensionDevelopmentPath: string[];
  extensionTestsPath: string;
  workspacePath?: string;
  userDataDir?: string;
  extensionsDir?: string;
  /** Chromium's profile; with the same userDataDir, a second run finds the first run's secrets (a restart). */
  browserProfile?: string;
  env?: NodeJS.ProcessEnv;
  /** code-server's port. The browser keeps secrets per origin, so a restart must come back on the same port. */
  port?: number;
  timeoutMs?: number;
  verbose?: boolean;
}

export function launchChromium(profile: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Resolves with the exit code the extension host reported (0 = all passed); 4 when processes were left behind. */
export async function runInCodeServer(run: CodeServerRun): Promise<number> {
  const started = Date.now();
  const say = (message: string) => console.error(`[code-server ${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);
  const timeoutMs = run.timeoutMs ?? Number(process.env.VSCODE_TEST_TIMEOUT_MS ?? 600_000);
  const verbose = run.verbose ?? Boolean(process.env.VSCODE_TEST_VERBOSE);

  let settled = false;
  let settle!: (code: number) => void;
  const result = new Promise<number>(resolve => { settle = code => { if (!settled) { settled = true; resolve(code); } }; });
  const timer = setTimeout(() => { say(`timed out after ${timeoutMs} ms`); settle(124); }, timeoutMs);
  const onSignal = () => { say('interrupted'); settle(130); };
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);

  let server: CodeServer | undefined;
  let browser: BrowserContext | undefined;
  let driver: UiDriver | undefined;
  let browserProfile = run.browserProfile ?? '';
  try {
    driver = await startUiDriver();
    server = await startCodeServer({ userDataDir: run.userDataDir, extensionsDir: run.extensionsDir, port: run.port, verbose,
      env: { ...run.env, BIMLINK_TEST_UI_DRIVER: driver.url, ...(run.userDataDir ? { BIMLINK_TEST_LOGS_DIR: path.join(run.userDataDir, 'logs') } : {}) } });
    browserProfile ||= path.join(server.folder, 'chromium');
    void server.exited.then(code => { if (!settled) say(`code-server exited early (${code}); see ${server!.folder}/code-server.log`); settle(3); });
    // Chromium's processes name their profile folder, which the leftover check looks for.
    browser = await launchChromium(browserProfile);
    const page = browser.pages()[0] ?? await browser.newPage();
    if (verbose) page.on('console', message => console.error('[workbench]', message.type(), message.text()));
    await page.exposeFunction('codeAutomationLog', (type: string, logArgs: unknown[]) => {
      if (!verbose && isWorkbenchChatter(logArgs)) return;
      const log = (console as unknown as Record<string, (...a: unknown[]) => void>)[type] ?? console.log;
      log(...logArgs);
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => settle(code));
    driver.attach(browser, page);
    await recordNotifications(page);
    const workspace = run.workspacePath ?? path.join(server.folder, 'workspace');
    mkdirSync(workspace, { recursive: true });
    await page.goto(server.workbenchUrl(workspace, [
      ...run.extensionDevelopmentPath.map(p => ['extensionDevelopmentPath', server!.remoteUri(p)] as [string, string]),
      ['extensionTestsPath', server.remoteUri(run.extensionTestsPath)],
      ['skipWelcome', 'true'],
    ]));
  } catch (error) {
    say(`could not start the tests: ${(error as Error).message}`);
    settle(1);
  }

  const code = await result;
  clearTimeout(timer);
  process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
  await browser?.close().catch(() => undefined);
  await driver?.close();
  if (!server) return code;
  const leftovers = [...await server.stop(), ...(browserProfile ? findLeftovers(browserProfile) : [])]
    .filter((l, i, all) => all.findIndex(o => o.pid === l.pid) === i);
  if (leftovers.length) {
    say(`processes left behind:\n${leftovers.map(l => `  ${l.pid} ${l.command}`).join('\n')}`);
    for (const l of leftovers) { try { process.kill(l.pid, 'SIGKILL'); } catch { /* gone */ } }
  }
  const exitCode = code === 0 && leftovers.length ? 4 : code;
  if (exitCode === 0 && !process.env.VSCODE_TEST_KEEP_TMP) rmSync(server.folder, { recursive: true, force: true });
  else say(`exit code ${exitCode}; code-server log kept in ${server.folder}`);
  return exitCode;
}

/** The workbench's own start-up messages, which say nothing about the tests (shown with VSCODE_TEST_VERBOSE). */
const workbenchChatter = /^(Resolving connection token|Resolved connection token|Creating a socket|Ignoring fetching additional builtin|\[Service Worker\]|ChatSessionStore|Creation of workbench contribution|Updating additional builtin)/;
function isWorkbenchChatter(logArgs: unknown[]): boolean {
  return typeof logArgs[0] === 'string' && workbenchChatter.test(logArgs[0]);
}
