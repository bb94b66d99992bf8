// What a user does in VS Code's web workbench, as playwright-core steps: read and click the BIMlink explorer's rows,
// choose from context menus and quick inputs, press notification buttons, and complete the emulator's login page in
// the tab the extension opened. Shared by the UI driver (asked by tests in the extension host) and the UI journeys.
import type { BrowserContext, Locator, Page } from 'playwright-core';

export interface TreeRow { label: string; description: string; level: number; expanded: boolean | undefined; selected: boolean }

/** A pattern matching exactly `text`. */
export function exactly(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

/** The rows the sidebar's tree shows now, top to bottom. */
export async function treeRows(workbench: Page): Promise<TreeRow[]> {
  return workbench.locator('.part.sidebar .monaco-list-row').evaluateAll(rows => rows
    .map(row => ({
      label: row.querySelector('.label-name')?.textContent?.trim() ?? '',
      description: row.querySelector('.label-description')?.textContent?.trim() ?? '',
      level: Number(row.getAttribute('aria-level')),
      expanded: row.hasAttribute('aria-expanded') ? row.getAttribute('aria-expanded') === 'true' : undefined,
      selected: row.classList.contains('selected'),
      top: Number.parseFloat((row as HTMLElement).style.top) || 0,
    }))
    .sort((a, b) => a.top - b.top)
    .map(({ top: _top, ...row }) => row));
}

/** The sidebar tree's rows whose label is exactly `label`. */
export function treeRow(workbench: Page, label: string): Locator {
  return workbench.locator('.part.sidebar .monaco-list-row', { has: workbench.locator('.label-name', { hasText: exactly(label) }) });
}

/** Right-clicks `row` and chooses `item` from its context menu. */
export async function chooseFromContextMenu(workbench: Page, row: Locator, item: string, timeoutMs = 15_000): Promise<void> {
  await row.click({ button: 'right', timeout: timeoutMs });
  const menuItem = workbench.locator('.monaco-menu .action-label', { hasText: exactly(item) }).first();
  await menuItem.waitFor({ state: 'visible', timeout: timeoutMs });
  // The menu opens under the pointer and ignores a click that comes at once (it takes it for the right-click's end).
  await workbench.waitForTimeout(400);
  await menuItem.click({ timeout: timeoutMs });
}

/**
 * Types into the quick input and presses Enter. With `pick`, waits for the quick pick's list to offer a matching
 * item first (items may still be loading).
 */
export async function fillQuickInput(workbench: Page, text: string, pick = false, timeoutMs = 15_000): Promise<void> {
  const input = workbench.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible', timeout: timeoutMs });
  await input.fill(text);
  if (pick) await workbench.locator('.quick-input-widget .quick-input-list .monaco-list-row').first().waitFor({ state: 'visible', timeout: timeoutMs });
  await input.press('Enter');
}

/** The quick input now shown (a quick pick, an input box, or the simple save dialog), once it shows: its title and value. */
export async function readQuickInput(workbench: Page, timeoutMs = 15_000): Promise<{ title: string; value: string }> {
  const widget = workbench.locator('.quick-input-widget');
  await widget.waitFor({ state: 'visible', timeout: timeoutMs });
  return {
    title: (await widget.locator('.quick-input-title').textContent())?.trim() ?? '',
    value: await widget.locator('input.input').inputValue(),
  };
}

/** Dismisses the quick input with Escape, as a user cancels it, and waits until it is gone. */
export async function closeQuickInput(workbench: Page, timeoutMs = 15_000): Promise<void> {
  const widget = workbench.locator('.quick-input-widget');
  await widget.locator('input.input').press('Escape', { timeout: timeoutMs });
  await widget.waitFor({ state: 'hidden', timeout: timeoutMs });
}

/**
 * The notification toasts now shown: each one's message text and the links VS Code rendered in it (an `a` element for
 * each `[label](target)` it recognised in the message).
 */
export async function notificationLinks(workbench: Page): Promise<{ message: string; links: { text: string; href: string }[] }[]> {
  return workbench.locator('.notifications-toasts .notification-list-item-message').evaluateAll(messages => messages.map(message => ({
    message: message.textContent ?? '',
    links: Array.from(message.querySelectorAll('a'), a => ({ text: a.textContent ?? '', href: a.getAttribute('href') ?? '' })),
  })));
}

/** Clicks a button of a notification (in a toast, or in the notification center when it is open). */
export async function clickNotificationButton(workbench: Page, label: string, message?: string, timeoutMs = 15_000): Promise<void> {
  const notification = workbench.locator('.notifications-toasts .notification-list-item, .notifications-center .notification-list-item',
    message ? { hasText: message } : {});
  await notification.locator('.monaco-button', { hasText: exactly(label) }).first().click({ timeout: timeoutMs });
}

/**
 * Completes the sign-in page that the extension opened in a new browser tab: fills in the email and password,
 * submits, and reports where the browser ended up and what that page says. The tab is closed afterwards.
 */
export async function signInOnLoginPage(context: BrowserContext, workbench: Page, user: { email: string; password: string },
  timeoutMs = 20_000): Promise<{ url: string; text: string }> {
  const page = context.pages().find(p => p !== workbench) ?? await context.waitForEvent('page', { timeout: timeoutMs });
  const signInServer = (url: URL) => url.pathname.startsWith('/connect/') || url.pathname.startsWith('/account/login');
  try {
    // The server may still know the browser (single sign-on) and send it straight back: then there is no form.
    const form = page.locator('input[name="email"]');
    await Promise.race([form.waitFor({ timeout: timeoutMs }), page.waitForURL(url => !signInServer(url), { timeout: timeoutMs })]);
    if (await form.isVisible()) {
      await form.fill(user.email);
      await page.locator('input[name="password"]').fill(user.password);
      await Promise.all([
        page.waitForURL(url => !signInServer(url), { timeout: timeoutMs }),
        page.locator('button[type="submit"], input[type="submit"]').first().click(),
      ]);
    }
    await page.waitForLoadState('load');
    return { url: page.url(), text: (await page.locator('body').innerText()).trim() };
  } finally {
    await page.close();
  }
}

/**
 * From the next page load on, remembers the text of every notification the workbench shows (toasts come and go, and
 * the notification center forgets what is cleared), for notificationHistory.
 */
export async function recordNotifications(workbench: Page): Promise<void> {
  // A string, not a function: the TypeScript loader would wrap named functions in a helper the page lacks. No timers
  // either: a background tab's timers are throttled to once a minute, and a notification is gone by then.
  await workbench.addInitScript(`(() => {
    const seen = new Set();
    const history = window.bimlinkNotificationHistory = [];
    const selector = '.notification-list-item-message';
    const note = element => {
      const text = element.textContent && element.textContent.trim();
      if (text && !seen.has(text)) { seen.add(text); history.push(text); }
    };
    new MutationObserver(records => {
      for (const record of records) {
        const target = record.target.nodeType === 1 ? record.target : record.target.parentElement;
        const message = target && target.closest(selector);
        if (message) note(message);
        for (const node of record.addedNodes) {
          if (node.nodeType !== 1) continue;
          if (node.matches(selector)) note(node);
          for (const inner of node.querySelectorAll(selector)) note(inner);
        }
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  })();`);
}

/** Every notification text shown since the page loaded (see recordNotifications). */
export async function notificationHistory(workbench: Page): Promise<string[]> {
  return workbench.evaluate(() => (window as unknown as { bimlinkNotificationHistory?: string[] }).bimlinkNotificationHistory ?? []);
}

/**
 * Walks the whole sidebar tree with the keyboard, as a user exploring it would: from the top, every collapsed row is
 * opened (Right) and its children waited for, then Down to the next row, until the last. Returns the number of rows
 * visited. Children have arrived when the list grows: the explorer gives every level at least one row (a message
 * when a level is empty or failed).
 */
export async function browseTree(workbench: Page, timeoutMs = 15_000): Promise<number> {
  const sidebar = workbench.locator('.part.sidebar');
  const list = sidebar.locator('.monaco-list').first();
  const focused = sidebar.locator('.monaco-list-row.focused');
  await list.focus({ timeout: timeoutMs });
  await workbench.keyboard.press('Home');
  await focused.waitFor({ timeout: timeoutMs });
  for (let visited = 1; ; visited++) {
    if (await focused.getAttribute('aria-expanded') === 'false') {
      // The rows' container is as tall as all rows together, shown or not (the list only renders what is in view).
      const before = await list.locator('.monaco-list-rows').evaluate(rows => (rows as HTMLElement).style.height);
      await workbench.keyboard.press('ArrowRight');
      await workbench.waitForFunction(previous =>
        (document.querySelector('.part.sidebar .monaco-list-rows') as HTMLElement | null)?.style.height !== previous,
      before, { timeout: timeoutMs });
    }
    const at = await focused.getAttribute('data-index');
    await workbench.keyboard.press('ArrowDown');
    const moved = await workbench.waitForFunction(
      previous => document.querySelector('.part.sidebar .monaco-list-row.focused')?.getAttribute('data-index') !== previous,
      at, { timeout: 1000 }).then(() => true, () => false);
    if (!moved) return visited;
  }
}
