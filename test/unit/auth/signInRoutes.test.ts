// The sign-in routes as a list: each route (loopback, vscode:// URI, paste) on its own, and the list trying the next
// route when one cannot get the browser's answer. Real loopback servers on free ports; `vscode.env` is faked here.
import { createServer, type Server } from 'node:net';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { freePort } from '../support/freePort';
const env = vi.hoisted(() => ({
  uriScheme: 'vscode',
  openExternal: vi.fn(async (_uri: unknown) => true),
  clipboard: { writeText: vi.fn(async (_text: string) => undefined) },
}));
vi.mock('vscode', async importOriginal => ({ ...await importOriginal<object>(), env }));
import { createAuthorizationRequest, type AuthorizationRequest } from '../../../src/core/auth/authorizationRequest';
import { defaultEndpoints } from '../../../src/core/auth/discovery';
import { chooseRedirectRoute } from '../../../src/core/auth/redirectRoute';
import { RouteUnavailableError, type SignInRoute } from '../../../src/vscode/auth/signInRoute';
import { receiveRedirect, signInRoutes } from '../../../src/vscode/auth/signInRoutes';
import { UriCallbacks } from '../../../src/vscode/auth/uriCallbacks';
import { CancellationError, resetFakeVscode, shown, Uri, window } from '../fakes/vscode';

const showInputBox = vi.fn(async (_options: { validateInput(value: string): string | undefined }): Promise<string | undefined> => undefined);
Object.assign(window, { showInputBox });
const log = Object.fromEntries(['trace', 'debug', 'info', 'warn', 'error'].map(level => [level, vi.fn()])) as never;

/** Whether something listens on the port (the route must close its server when done). */
async function listening(port: number): Promise<boolean> {
  return fetch(`http://127.0.0.1:${port}/`).then(() => true, () => false);
}

let port: number;
let redirectUri: string;
let attempt: AuthorizationRequest;
let uriCallbacks: UriCallbacks;
const deps = (timeoutMs = 10_000) => ({ log, uriCallbacks, timeoutMs });
const routesFor = (uri: string, timeoutMs?: number) => signInRoutes(deps(timeoutMs), chooseRedirectRoute(uri, 'vscode'));

beforeEach(async () => {
  resetFakeVscode();
  env.openExternal.mockReset().mockResolvedValue(true);
  env.clipboard.writeText.mockClear();
  showInputBox.mockReset().mockResolvedValue(undefined);
  uriCallbacks = new UriCallbacks();
  port = await freePort();
  redirectUri = `http://127.0.0.1:${port}/callback`;
  attempt = createAuthorizationRequest(defaultEndpoints('https://login.example'), 'client', redirectUri, ['openid']);
});

describe('choosing the routes', () => {
  it('tries the route the redirect URI setting names on this host, then pasting', () => {
    expect(routesFor(redirectUri).map(r => r.name)).toEqual(['loopback', 'paste']);
    expect(routesFor('vscode://bimlink.bimlink-explorer/callback').map(r => r.name)).toEqual(['vscode-uri', 'paste']);
    expect(signInRoutes(deps(), chooseRedirectRoute('vscode-insiders://bimlink.bimlink-explorer/callback', 'vscode-insiders')).map(r => r.name))
      .toEqual(['vscode-uri', 'paste']);
  });

  it('offers the next route, told why, when one cannot get the answer; any other failure ends the sign-in', async () => {
    const unavailable = new RouteUnavailableError('The port is taken.');
    const seen: (string | undefined)[] = [];
    const route = (name: string, receive: SignInRoute['receive']): SignInRoute => ({ name, receive });
    const failing = route('first', async () => { throw unavailable; });
    const next = route('next', async (_attempt, _signal, previous) => { seen.push(previous?.message); return new URLSearchParams('code=c'); });
    const signal = new AbortController().signal;

    expect((await receiveRedirect([failing, next], attempt, signal)).get('code')).toBe('c');
    expect(seen).toEqual(['The port is taken.']);
    const broken = route('broken', async () => { throw new Error('the state does not match'); });
    await expect(receiveRedirect([broken, next], attempt, signal)).rejects.toThrow('the state does not match');
    expect(seen).toHaveLength(1);
    await expect(receiveRedirect([failing], attempt, signal)).rejects.toBe(unavailable);
  });
});

describe('the loopback route', () => {
  it('ignores a redirect of another attempt, takes this attempt\'s, then closes the port', async () => {
    env.openExternal.mockImplementation(async () => {
      void fetch(`${redirectUri}?code=other&state=someone-else`).then(async wrong => {
        expect(wrong.status).toBe(400);
        await fetch(`${redirectUri}?code=the-code&state=${attempt.state}`);
      });
      return true;
    });
    const [loopback] = routesFor(redirectUri);
    const query = await loopback.receive(attempt, new AbortController().signal);
    expect(query.get('code')).toBe('the-code');
    expect(new URLSearchParams((env.openExternal.mock.calls[0][0] as { query: string }).query).get('state')).toBe(attempt.state); // the sign-in page
    expect(await listening(port)).toBe(false);
  });

  it('with the port taken, still opens the browser and offers pasting, with the message naming the setting', async () => {
    const blocker: Server = createServer();
    await new Promise<void>(resolve => blocker.listen(port, '127.0.0.1', resolve));
    try {
      const [loopback] = routesFor(redirectUri);
      const error = await loopback.receive(attempt, new AbortController().signal).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RouteUnavailableError);
      expect((error as Error).message).toMatch(new RegExp(`^Port ${port} on 127\\.0\\.0\\.1 is in use.*bimlink\\.redirectUri.*You can still sign in: complete it in the browser, then paste the address it ends on\\.$`));
      expect(env.openExternal).toHaveBeenCalledTimes(1);
    } finally {
      await new Promise(resolve => blocker.close(resolve));
    }
  });

  it('offers the next route when the browser does not open, or does not come back in time, and closes the port', async () => {
    env.openExternal.mockResolvedValueOnce(false);
    const [loopback] = routesFor(redirectUri, 200);
    await expect(loopback.receive(attempt, new AbortController().signal)).rejects.toThrow(new RouteUnavailableError('VS Code could not open your browser for the BIMlink sign-in.'));
    expect(await listening(port)).toBe(false);

    await expect(loopback.receive(attempt, new AbortController().signal)).rejects.toThrow(new RouteUnavailableError('The BIMlink sign-in did not come back to VS Code in time.'));
    expect(await listening(port)).toBe(false);
  });

  it('a cancel ends the wait and closes the port at once', async () => {
    const [loopback] = routesFor(redirectUri, 60_000);
    const controller = new AbortController();
    const waiting = loopback.receive(attempt, controller.signal);
    await vi.waitFor(() => expect(env.openExternal).toHaveBeenCalled());
    const started = Date.now();
    controller.abort();
    await expect(waiting).rejects.toBeInstanceOf(CancellationError);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await listening(port)).toBe(false);
  });
});

describe('the vscode:// route', () => {
  it('takes the redirect VS Code hands to the extension for this attempt', async () => {
    env.openExternal.mockImplementation(async () => {
      uriCallbacks.handleUri(Uri.parse(`vscode://bimlink.bimlink-explorer/callback?code=other&state=someone-else`));
      uriCallbacks.handleUri(Uri.parse(`vscode://bimlink.bimlink-explorer/callback?code=the-code&state=${attempt.state}`));
      return true;
    });
    const [uriRoute] = routesFor('vscode://bimlink.bimlink-explorer/callback');
    expect((await uriRoute.receive(attempt, new AbortController().signal)).get('code')).toBe('the-code');
  });
});

describe('the paste route', () => {
  it('after a failed route: says why, can copy the link first, and takes only an address of this attempt', async () => {
    vi.mocked(window.showWarningMessage)
      .mockResolvedValueOnce('Copy Sign-in Link' as never)
      .mockResolvedValueOnce('Paste Redirected URL' as never);
    showInputBox.mockImplementationOnce(async options => {
      expect(options.validateInput('not an address')).toBe('That is not an address. Copy the whole address from the browser.');
      expect(options.validateInput(`${redirectUri}?code=c&state=other`)).toBe('That address is not from this sign-in attempt (its state does not match).');
      expect(options.validateInput(`${redirectUri}?state=${attempt.state}`)).toBe('That address holds no authorization code.');
      expect(options.validateInput(`${redirectUri}?code=c&state=${attempt.state}`)).toBeUndefined();
      return ` ${redirectUri}?code=the-code&state=${attempt.state} `;
    });
    const paste = routesFor(redirectUri)[1];
    const query = await paste.receive(attempt, new AbortController().signal, new RouteUnavailableError('The BIMlink sign-in did not come back to VS Code in time.'));

    expect(query.get('code')).toBe('the-code');
    expect(env.clipboard.writeText).toHaveBeenCalledWith(attempt.url);
    expect(vi.mocked(window.showWarningMessage).mock.calls).toEqual([
      ['The BIMlink sign-in did not come back to VS Code in time.', { modal: false }, 'Paste Redirected URL', 'Copy Sign-in Link'],
      ['The sign-in link is on your clipboard: open it in a browser, sign in, then paste the address the browser ends on.', { modal: false }, 'Paste Redirected URL', 'Copy Sign-in Link'],
    ]);
  });

  it('a dismissed offer or input box is a cancel', async () => {
    const paste = routesFor(redirectUri)[1];
    await expect(paste.receive(attempt, new AbortController().signal)).rejects.toBeInstanceOf(CancellationError);
    vi.mocked(window.showWarningMessage).mockResolvedValueOnce('Paste Redirected URL' as never);
    await expect(paste.receive(attempt, new AbortController().signal)).rejects.toBeInstanceOf(CancellationError);
    expect(showInputBox).toHaveBeenCalledTimes(1);
  });
});

describe('the list at work', () => {
  it('with the loopback port taken, the user pastes the address the browser ended on', async () => {
    const blocker: Server = createServer();
    await new Promise<void>(resolve => blocker.listen(port, '127.0.0.1', resolve));
    try {
      vi.mocked(window.showWarningMessage).mockImplementationOnce(async (message: string) => {
        shown.push({ kind: 'warning', message });
        return 'Paste Redirected URL' as never;
      });
      showInputBox.mockResolvedValueOnce(`${redirectUri}?code=the-code&state=${attempt.state}`);
      const query = await receiveRedirect(routesFor(redirectUri), attempt, new AbortController().signal);
      expect(query.get('code')).toBe('the-code');
      expect(shown.map(s => s.message)).toEqual([expect.stringMatching(new RegExp(`^Port ${port} on 127\\.0\\.0\\.1 is in use`))]);
    } finally {
      await new Promise(resolve => blocker.close(resolve));
    }
  });
});
