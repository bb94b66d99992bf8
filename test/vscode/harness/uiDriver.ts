// The UI driver: a small loopback HTTP service through which tests running in the extension host ask the test
// runner to act in the real browser, as a user would — answer VS Code's dialogs, sign in on the emulator's login
// page that the extension opened, type into a quick input. The runner owns the browser (playwright-core); the
// tests only know the driver's URL (BIMLINK_TEST_UI_DRIVER).
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { browseTree, chooseFromContextMenu, clickNotificationButton, closeQuickInput, exactly, fillQuickInput, notificationHistory, notificationLinks, readQuickInput, signInOnLoginPage, treeRow, treeRows } from './workbench';

export interface UiDriver {
  readonly url: string;
  attach(context: BrowserContext, workbench: Page): void;
  close(): Promise<void>;
}

type Action = (body: Record<string, unknown>, browser: { context: BrowserContext; workbench: Page }) => Promise<unknown>;

const actions: Record<string, Action> = {
  /** Clicks a button of VS Code's modal dialog (e.g. "Allow" when an extension wants to sign in). */
  async 'click-dialog-button'({ label, timeoutMs = 15_000 }, { workbench }) {
    const button = workbench.locator('.monaco-dialog-box .dialog-buttons a.monaco-button', { hasText: String(label) }).first();
    await button.click({ timeout: Number(timeoutMs) });
    return { clicked: label };
  },

  /** Clicks a button of a notification toast (of the one whose message contains `message`, when given). */
  async 'click-notification-button'({ label, message, timeoutMs = 15_000 }, { workbench }) {
    await clickNotificationButton(workbench, String(label), message === undefined ? undefined : String(message), Number(timeoutMs));
    return { clicked: label };
  },

  /** The texts of the status bar's items. */
  async 'status-bar'(_, { workbench }) {
    return { texts: await workbench.locator('.part.statusbar .statusbar-item').allInnerTexts() };
  },

  /** The texts of the notification toasts now shown. */
  async 'notifications'(_, { workbench }) {
    return { messages: await workbench.locator('.notifications-toasts .notification-list-item-message').allInnerTexts() };
  },

  /** The notification toasts now shown, each with the links rendered in its message (`{ message, links: [{ text, href }] }`). */
  async 'notification-links'(_, { workbench }) {
    return { notifications: await notificationLinks(workbench) };
  },

  /** The text of every notification the workbench has shown since it loaded, cleared or not. */
  async 'notification-history'(_, { workbench }) {
    return { messages: await notificationHistory(workbench) };
  },

  /**
   * Every notification of this window so far (the notification center keeps them until cleared), with its
   * severity. The test opens the center first (notifications.showList): it draws its items only while open.
   */
  async 'notification-center'(_, { workbench }) {
    const items = workbench.locator('.notifications-center .notification-list-item');
    return {
      notifications: await items.evaluateAll(rows => rows.map(row => ({
        message: row.querySelector('.notification-list-item-message')?.textContent?.trim() ?? '',
        severity: ['error', 'warning', 'info'].find(s => row.querySelector(`.notification-list-item-icon.codicon-${s}`)) ?? 'unknown',
      }))),
    };
  },

  /**
   * Types into the quick input and presses Enter. With `pick`, waits for the quick pick's list to offer a matching
   * item first (items may still be loading).
   */
  async 'fill-quick-input'({ text, pick = false, timeoutMs = 15_000 }, { workbench }) {
    await fillQuickInput(workbench, String(text), Boolean(pick), Number(timeoutMs));
    return { filled: true };
  },

  /** Waits for the quick input (a quick pick, an input box, the simple save dialog) and reports its title and value. */
  async 'quick-input'({ timeoutMs = 15_000 }, { workbench }) {
    return readQuickInput(workbench, Number(timeoutMs));
  },

  /** Cancels the quick input now shown (Escape), and waits until it has closed. */
  async 'close-quick-input'({ timeoutMs = 15_000 }, { workbench }) {
    await closeQuickInput(workbench, Number(timeoutMs));
    return { closed: true };
  },

  /**
   * Completes the sign-in page that the extension opened in a new browser tab: fills in the email and password,
   * submits, and reports where the browser ended up and what that page says. The tab is closed afterwards.
   */
  async 'sign-in-in-browser'({ email, password, timeoutMs = 20_000 }, { context, workbench }) {
    return signInOnLoginPage(context, workbench, { email: String(email), password: String(password) }, Number(timeoutMs));
  },

  /** The rows the BIMlink explorer shows now (the sidebar must show the BIMlink view). */
  async 'tree-rows'(_, { workbench }) {
    return { rows: await treeRows(workbench) };
  },

  /** Clicks the explorer row with this label (the n-th such row, from 0): expands it or runs its command. */
  async 'tree-click'({ label, nth = 0, timeoutMs = 15_000 }, { workbench }) {
    const row = treeRow(workbench, String(label)).nth(Number(nth));
    await row.click({ timeout: Number(timeoutMs) });
    return { clicked: label };
  },

  /** Right-clicks the explorer row with this label and chooses an item of its context menu. */
  async 'tree-context-menu'({ label, item, timeoutMs = 15_000 }, { workbench }) {
    await chooseFromContextMenu(workbench, treeRow(workbench, String(label)).first(), String(item), Number(timeoutMs));
    return { chosen: item };
  },

  /** Opens every row of the explorer with the keyboard, top to bottom; reports how many rows it visited. */
  async 'tree-browse'(_, { workbench }) {
    return { rows: await browseTree(workbench) };
  },

  /** Waits until the explorer shows a row with this label, and returns the rows. */
  async 'tree-wait-for'({ label, timeoutMs = 15_000 }, { workbench }) {
    await workbench.locator('.part.sidebar .monaco-list-row .label-name', { hasText: exactly(String(label)) }).first()
      .waitFor({ state: 'visible', timeout: Number(timeoutMs) });
    return { rows: await treeRows(workbench) };
  },

  /** Opens a URL in a new tab (as a browser would follow a link) and reports the page it ends on. */
  async 'open-in-browser'({ url, timeoutMs = 15_000 }, { context }) {
    const page = await context.newPage();
    try {
      const response = await page.goto(String(url), { timeout: Number(timeoutMs) });
      return { url: page.url(), status: response?.status(), text: (await page.locator('body').innerText()).trim() };
    } finally {
      await page.close();
    }
  },

  /** Forgets the browser's cookies, so the next sign-in shows the login page instead of signing in silently. */
  async 'clear-browser-cookies'(_, { context }) {
    await context.clearCookies();
    return { cleared: true };
  },

  /** The URLs of the browser tabs other than the workbench. */
  async 'pages'(_, { context, workbench }) {
    return { urls: context.pages().filter(p => p !== workbench).map(p => p.url()) };
  },

  async 'close-other-pages'(_, { context, workbench }) {
    for (const page of context.pages()) if (page !== workbench) await page.close();
    return { closed: true };
  },

  async 'screenshot'({ path }, { workbench }) {
    await workbench.screenshot({ path: String(path) });
    return { path };
  },
};

export async function startUiDriver(): Promise<UiDriver> {
  let browser: { context: BrowserContext; workbench: Page } | undefined;
  const server: Server = createServer(async (request, response) => {
    const name = (request.url ?? '').replace(/^\//, '');
    const action = actions[name];
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.method !== 'POST' || !action) return reply(404, { error: `no action "${name}"` });
    if (!browser) return reply(503, { error: 'the browser is not ready' });
    try {
      reply(200, await action(await readJson(request), browser));
    } catch (error) {
      // A picture of the workbench at the moment of failure says more than the locator's message.
      const picture = path.join(tmpdir(), `bimlink-ui-failure-${name}-${Date.now()}.png`);
      await browser.workbench.screenshot({ path: picture }).catch(() => undefined);
      reply(500, { error: `${(error as Error).message.split('\n')[0]} (screenshot: ${picture})` });
    }
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    attach: (context, workbench) => { browser = { context, workbench }; },
    close: () => new Promise(resolve => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  let text = '';
  for await (const chunk of request) text += chunk;
  return text ? JSON.parse(text) : {};
}
