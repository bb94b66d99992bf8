import * as vscode from 'vscode';
import type { AuthorizationRequest } from '../../core/auth/authorizationRequest';
import { showWarningMessage } from '../feedback/messages';
import type { RouteDependencies, SignInRoute } from './signInRoute';

const pasteInstead = 'Paste Redirected URL';
const copyLink = 'Copy Sign-in Link';

/**
 * The user pastes the address the browser ended on: it works wherever the browser is, so it comes after the routes
 * that can fail. The address must carry this attempt's state, checked again when the code is redeemed.
 */
export function pasteRoute(deps: Pick<RouteDependencies, 'log'>): SignInRoute {
  return {
    name: 'paste',
    async receive(attempt, _signal, previous) {
      let choice = await offer(previous?.message ?? 'Open the BIMlink sign-in link in a browser, sign in, then paste the address the browser ends on.');
      while (choice === copyLink) {
        await vscode.env.clipboard.writeText(attempt.url);
        choice = await offer('The sign-in link is on your clipboard: open it in a browser, sign in, then paste the address the browser ends on.');
      }
      if (choice !== pasteInstead) throw new vscode.CancellationError();
      const query = await pasted(attempt);
      if (!query) throw new vscode.CancellationError();
      deps.log.info('Using the pasted redirect address.');
      return query;
    },
  };
}

function offer(reason: string): Thenable<string | undefined> {
  return showWarningMessage(reason, { modal: false }, pasteInstead, copyLink);
}

async function pasted(attempt: AuthorizationRequest): Promise<URLSearchParams | undefined> {
  const value = await vscode.window.showInputBox({
    title: 'BIMlink sign-in',
    prompt: `Paste the whole address your browser shows after signing in (it starts with ${attempt.redirectUri.split('?')[0]}).`,
    placeHolder: `${attempt.redirectUri}?code=…&state=…`,
    ignoreFocusOut: true,
    validateInput: input => {
      const query = queryOf(input);
      if (!query) return 'That is not an address. Copy the whole address from the browser.';
      if (query.get('state') !== attempt.state) return 'That address is not from this sign-in attempt (its state does not match).';
      if (!query.get('code') && !query.get('error')) return 'That address holds no authorization code.';
      return undefined;
    },
  });
  return value === undefined ? undefined : queryOf(value);
}

function queryOf(value: string): URLSearchParams | undefined {
  try {
    return new URL(value.trim()).searchParams;
  } catch {
    return undefined;
  }
}
