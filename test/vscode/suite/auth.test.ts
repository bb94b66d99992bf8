// Signing in to BIMlink in a real extension host, against the emulator's real OpenID Connect server, with the
// emulator's real login page completed in the browser. The tests run in order: each builds on the accounts the
// one before left. After a restart on the same profile, the session is still there, renewed without a browser.
import * as assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import * as vscode from 'vscode';
import { admin, anna, bram, emulatorUrl, resetEmulator, setFaults } from '../helpers/emulator';
import { allLogText } from '../helpers/logs';
import { useEmulator } from '../helpers/settings';
import { afterRestart } from '../helpers/restart';
import { accountLabels, signInAs as signInWithBrowser, signInAtRest } from '../helpers/signIn';
import { defaultRedirectUri } from '../helpers/testPorts';
import { clearNotifications, ui, uiDriverUrl } from '../helpers/ui';
import { waitFor } from '../helpers/wait';

const scopes = ['bimlink_publicapi', 'offline_access', 'openid', 'email'];
const signIn = () => vscode.commands.executeCommand<vscode.AuthenticationSession | undefined>('bimlink.signIn');
const tokenRequests = async () => (await admin<{ requests: { token: number } }>('GET', '/stats')).requests.token;
const seenTokens: string[] = [];

/** Signs one account out with the command, picking it when several are signed in. */
async function signOut(email: string): Promise<void> {
  const several = (await accountLabels()).length > 1;
  const signingOut = vscode.commands.executeCommand('bimlink.signOut');
  if (several) await ui('fill-quick-input', { text: email });
  await signingOut;
  assert.ok(!(await accountLabels()).includes(email), `${email} is signed out`);
}

async function signInAs(user: { email: string; password: string }): Promise<vscode.AuthenticationSession> {
  const session = await signInWithBrowser(user);
  seenTokens.push(session.accessToken);
  return session;
}

suite('Sign-in', function () {
  this.timeout(90_000);

  suiteSetup(async function () {
    if (!uiDriverUrl) this.skip();
    await useEmulator();
    await resetEmulator();
  });

  teardown(async () => {
    await clearNotifications();
    await setFaults({ accessTokenLifetimeSeconds: 3600 });
    await ui('close-other-pages');
  });

  test('signs in through the emulator\'s login page; the account is in the Accounts menu and its token works', async () => {
    const session = await signInAs(anna);
    assert.equal(session.account.label, anna.email);
    assert.deepEqual(session.scopes, [...scopes].sort());
    assert.deepEqual(await accountLabels(), [anna.email]);
    const response = await fetch(`${emulatorUrl()}/domainaccounts`, { headers: { authorization: `Bearer ${session.accessToken}` } });
    assert.equal(response.status, 200);
    assert.ok((await response.json() as unknown[]).length > 0);
  });

  test('refuses a redirect with a wrong state, then accepts the real one (a second account)', async () => {
    const signingIn = signIn();
    await waitFor('the sign-in page to open', async () => (await ui<{ urls: string[] }>('pages')).urls.find(u => u.includes('/connect/authorize') || u.includes('/login')));
    const forged = await ui<{ status: number; text: string }>('open-in-browser', { url: `${defaultRedirectUri}?code=forged&state=not-the-right-one` });
    assert.equal(forged.status, 400);
    assert.match(forged.text, /does not belong to the sign-in that VS Code started/);
    const page = await ui<{ text: string }>('sign-in-in-browser', bram);
    assert.match(page.text, /You are signed in to BIMlink/);
    const session = await signingIn;
    assert.equal(session?.account.label, bram.email);
    seenTokens.push(session!.accessToken);
    assert.deepEqual(await accountLabels(), [anna.email, bram.email]);
  });

  test('renews a short-lived access token silently, before it expires', async () => {
    await setFaults({ accessTokenLifetimeSeconds: 2 }); // renewal is due after 1.3 s
    const before = await signInAs(bram); // signing in again replaces the account's tokens
    const requestsAfterSignIn = await tokenRequests();
    let changes = 0;
    const listener = vscode.authentication.onDidChangeSessions(e => { if (e.provider.id === 'bimlink') changes++; });
    try {
      await waitFor('a silent token renewal', async () => (await tokenRequests()) > requestsAfterSignIn ? true : undefined, 5_000);
      await waitFor('the renewed session to be announced', () => changes > 0 ? true : undefined, 3_000);
    } finally {
      listener.dispose();
    }
    assert.deepEqual(await accountLabels(), [anna.email, bram.email], 'a renewal changes no account');
    assert.equal((await ui<{ urls: string[] }>('pages')).urls.length, 0, 'no browser was needed');
    assert.ok(before.accessToken);
  });

  test('a refused refresh token (invalid_grant) signs that account out and says why', async () => {
    await setFaults({ accessTokenLifetimeSeconds: 2 });
    await signInAs(bram);
    const revoked = await admin<{ refreshTokens: number }>('POST', `/users/${encodeURIComponent(bram.email)}/revoke-refresh-tokens`);
    assert.ok(revoked.refreshTokens >= 1, 'the emulator revoked bram\'s refresh token');
    await waitFor('bram to be signed out', async () => (await accountLabels()).includes(bram.email) ? undefined : true, 10_000);
    assert.deepEqual(await accountLabels(), [anna.email], 'anna stays signed in');
    const { messages } = await waitFor('the notification', async () => {
      const shown = await ui<{ messages: string[] }>('notifications');
      return shown.messages.some(m => m.includes(`Your BIMlink session for ${bram.email} has ended`)) ? shown : undefined;
    });
    assert.ok(messages.some(m => /Sign in again/.test(m)), messages.join(' | '));
  });

  test('signs out from the command and revokes the session at the server', async () => {
    await signInAs(bram);
    await signOut(bram.email); // two accounts: the user picks one
    assert.deepEqual(await accountLabels(), [anna.email]);
    // Revoking what is left finds nothing: the extension already revoked bram's refresh token.
    const leftover = await waitFor('the revocation', async () => {
      const result = await admin<{ refreshTokens: number }>('POST', `/users/${encodeURIComponent(bram.email)}/revoke-refresh-tokens`);
      return result.refreshTokens === 0 ? result : undefined;
    }, 5_000);
    assert.equal(leftover.refreshTokens, 0);
  });

  test('when the loopback port is taken, the user can paste the redirected address instead', async () => {
    const seen: string[] = [];
    const blocker: Server = createServer((request, response) => { seen.push(request.url ?? ''); response.end('another program'); });
    await new Promise<void>(resolve => blocker.listen(33418, '127.0.0.1', resolve));
    try {
      const signingIn = signIn();
      const { messages } = await waitFor('the port-in-use message', async () => {
        const shown = await ui<{ messages: string[] }>('notifications');
        return shown.messages.some(m => m.includes('Port 33418 on 127.0.0.1 is in use')) ? shown : undefined;
      });
      assert.ok(messages.some(m => m.includes('bimlink.redirectUri')), 'the message names the setting to change');
      const page = await ui<{ url: string }>('sign-in-in-browser', bram);
      assert.ok(page.url.startsWith(`${defaultRedirectUri}?code=`), page.url);
      assert.equal(seen.filter(url => url.startsWith('/callback?')).length, 1, 'the browser landed on the other program');
      await ui('click-notification-button', { label: 'Paste Redirected URL' });
      await ui('fill-quick-input', { text: page.url });
      const session = await signingIn;
      assert.equal(session?.account.label, bram.email);
      seenTokens.push(session!.accessToken);
    } finally {
      await new Promise(resolve => blocker.close(resolve));
    }
    await signOut(bram.email);
  });

  test('a missing client id gets a message with a button that opens the setting', async () => {
    await useEmulator({ clientId: '' });
    try {
      await signIn();
      const { messages } = await waitFor('the client id message', async () => {
        const shown = await ui<{ messages: string[] }>('notifications');
        return shown.messages.some(m => m.includes('needs a client id')) ? shown : undefined;
      });
      assert.ok(messages.length);
      await ui('click-notification-button', { label: 'Open Setting' });
    } finally {
      await useEmulator();
    }
  });

  test('keeps the session when renewal fails for a network or server fault, and renews once the server is back', async function () {
    this.timeout(60_000);
    await setFaults({ accessTokenLifetimeSeconds: 2 });
    const { accessToken } = await signInAs(bram);
    await setFaults({ accessTokenLifetimeSeconds: 3600, tokenEndpoint: true, errorRate: 1 });
    const failuresBefore = (await admin<{ responses: Record<string, number> }>('GET', '/stats')).responses;
    await waitFor('a failed renewal', async () => {
      const now = (await admin<{ responses: Record<string, number> }>('GET', '/stats')).responses;
      return ['500', '502', '503'].some(code => (now[code] ?? 0) > (failuresBefore[code] ?? 0)) ? true : undefined;
    }, 5_000);
    // the API answers 5xx to everything now, so the token's own expiry (a JWT's exp) tells when it has expired
    const { exp } = JSON.parse(Buffer.from(accessToken.split('.')[1]!, 'base64url').toString()) as { exp: number };
    await waitFor('the access token to expire', () => Date.now() > exp * 1000 ? true : undefined, 5_000);
    assert.ok((await accountLabels()).includes(bram.email), 'the session is kept');
    await setFaults({ errorRate: 0, tokenEndpoint: false });
    const requests = await tokenRequests();
    // the extension's own back-off (15 s after the first failure) is the wait here
    await waitFor('the retried renewal', async () => (await tokenRequests()) > requests ? true : undefined, 25_000);
    assert.ok((await accountLabels()).includes(bram.email), 'still signed in after the retry');
    assert.match(allLogText(), /Renewing the BIMlink session failed; trying again in 15 s/);
    await signOut(bram.email);
  });

  test('signs in with a confidential client whose secret was set with the command; a wrong secret is refused clearly', async () => {
    await useEmulator({ clientId: 'bimlink-explorer-confidential' });
    try {
      const setting = vscode.commands.executeCommand('bimlink.setClientSecret');
      await ui('fill-quick-input', { text: 'not-the-secret' });
      await setting;
      const failing = signIn();
      await ui('sign-in-in-browser', bram);
      assert.equal(await failing, undefined);
      const { messages } = await waitFor('the refusal', async () => {
        const shown = await ui<{ messages: string[] }>('notifications');
        return shown.messages.some(m => m.includes('refused by the BIMlink sign-in server')) ? shown : undefined;
      });
      assert.ok(!messages.join(' ').includes('not-the-secret'), 'the secret is not shown');
      const settingAgain = vscode.commands.executeCommand('bimlink.setClientSecret');
      await ui('fill-quick-input', { text: 'demo-secret' });
      await settingAgain;
      const session = await signInAs(bram);
      assert.equal(session.account.label, bram.email);
      await signOut(bram.email);
      const settings = JSON.stringify(vscode.workspace.getConfiguration('bimlink'));
      assert.ok(!settings.includes('demo-secret'), 'the secret is not in the settings');
    } finally {
      await useEmulator();
    }
  });

  test('a bad API URL gets a message that names the setting, not a stack trace', async () => {
    await useEmulator({ apiUrl: 'api.example.nl' });
    try {
      assert.equal(await signIn(), undefined);
      const { messages } = await waitFor('the URL message', async () => {
        const shown = await ui<{ messages: string[] }>('notifications');
        return shown.messages.some(m => m.includes('is not a valid URL')) ? shown : undefined;
      });
      assert.ok(!messages.join(' ').includes(' at '), messages.join(' | '));
    } finally {
      await useEmulator();
    }
  });

  test('Sign Out of Other Servers signs out of servers no longer chosen, revoking each session at its own server', async () => {
    // Another environment (another API URL) on the same sign-in server: its sessions are stored apart from these.
    const elsewhere = { apiUrl: `${emulatorUrl()}/elsewhere`, authority: emulatorUrl() };
    await useEmulator(elsewhere);
    try {
      await waitFor('the other environment\'s (empty) accounts', async () => (await accountLabels()).length === 0 ? true : undefined);
      await signInAs(bram);
    } finally {
      await useEmulator();
    }
    await waitFor('this environment\'s accounts', async () => (await accountLabels()).join() === anna.email ? true : undefined);

    const signingOut = vscode.commands.executeCommand('bimlink.signOutOtherServers');
    assert.equal((await ui<{ title: string }>('quick-input')).title, 'Sign out of other BIMlink servers');
    await ui('fill-quick-input', { text: '' }); // every other server is chosen to begin with
    await signingOut;

    assert.deepEqual(await accountLabels(), [anna.email], 'this environment\'s session is kept');
    const leftover = await admin<{ refreshTokens: number }>('POST', `/users/${encodeURIComponent(bram.email)}/revoke-refresh-tokens`);
    assert.equal(leftover.refreshTokens, 0, 'the extension revoked bram\'s refresh token at the server');
  });

  test('no token appears in any log', () => {
    const logs = allLogText();
    assert.ok(logs.includes('Signed in as'), 'the extension\'s log was found');
    assert.ok(seenTokens.length >= 4);
    for (const token of seenTokens) assert.ok(!logs.includes(token), 'an access token is in the logs');
  });
});

afterRestart('Sign-in', () => signInAtRest(anna), function () {
  this.timeout(60_000);

  suiteSetup(function () {
    if (!uiDriverUrl) this.skip();
  });

  test('the user is still signed in, and a new access token came from the stored refresh token without a browser', async () => {
    await vscode.extensions.getExtension('bimlink-explorer.bimlink-explorer')!.activate();
    const accounts = await waitFor('the restored account', async () => {
      const found = await vscode.authentication.getAccounts('bimlink');
      return found.length ? found : undefined;
    });
    assert.deepEqual(accounts.map(a => a.label), [anna.email]);
    // Access tokens are never stored: the explorer can load only with one renewed from the stored refresh token.
    await vscode.commands.executeCommand('bimlink.explorer.focus');
    await ui('tree-wait-for', { label: 'Demo Vastgoed BV' });
    assert.deepEqual((await ui<{ urls: string[] }>('pages')).urls, [], 'no browser page was opened');
  });

  test('signing out revokes the restored session at the server', async () => {
    await vscode.commands.executeCommand('bimlink.signOut');
    assert.deepEqual(await vscode.authentication.getAccounts('bimlink'), []);
    const result = await admin<{ refreshTokens: number }>('POST', `/users/${encodeURIComponent(anna.email)}/revoke-refresh-tokens`);
    assert.equal(result.refreshTokens, 0, 'nothing was left to revoke');
  });
});
