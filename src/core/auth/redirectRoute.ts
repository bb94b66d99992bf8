import { SettingError } from '../config/servers';

/** How the browser hands the sign-in back to VS Code. */
export type RedirectRoute =
  | { readonly kind: 'loopback'; readonly uri: string; readonly port: number }
  | { readonly kind: 'vscode-uri'; readonly uri: string };

/**
 * Reads `bimlink.redirectUri`: a fixed loopback address `http://127.0.0.1:<port>/<path>` (the server must have it
 * whitelisted exactly, so the port is fixed) or a `vscode://` URI that VS Code routes to the extension.
 */
export function chooseRedirectRoute(redirectUri: string, uriScheme = 'vscode'): RedirectRoute {
  let url: URL;
  try {
    url = new URL(redirectUri);
  } catch {
    throw new SettingError('bimlink.redirectUri', `The BIMlink redirect URI "${redirectUri}" is not a valid URI. Use, for example, http://127.0.0.1:33418/callback.`);
  }
  if (url.protocol === `${uriScheme}:` || url.protocol === 'vscode:') return { kind: 'vscode-uri', uri: url.href };
  const port = Number(url.port);
  if (url.protocol !== 'http:' || url.hostname !== '127.0.0.1' || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw new SettingError('bimlink.redirectUri', `The BIMlink redirect URI must be http://127.0.0.1:<port>/<path> with a fixed port, or a ${uriScheme}:// URI (it is "${redirectUri}").`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new SettingError('bimlink.redirectUri', 'The BIMlink redirect URI must not hold credentials, a query or a fragment.');
  }
  return { kind: 'loopback', uri: url.href, port };
}
