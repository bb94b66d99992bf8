/** The BIMlink servers a user can choose with `bimlink.environment`. */
export type EnvironmentName = 'live' | 'demo' | 'custom';

export const knownServers: Record<Exclude<EnvironmentName, 'custom'>, string> = {
  live: 'https://api.bimlink.nl',
  demo: 'https://api.demo-bimlink.nl',
};

export interface ServerSettings {
  readonly environment: EnvironmentName;
  readonly apiUrl: string;
  readonly authority: string;
}

export interface Servers {
  /** A stable name for the chosen servers: sessions are stored per environment under this key. */
  readonly key: string;
  /** The API's base URL, without a trailing slash. */
  readonly apiUrl: string;
  /** The OpenID Connect server's base URL (its issuer), without a trailing slash. */
  readonly authority: string;
}

/** A setting whose value cannot be used, with the setting's key so the message can offer to open it. */
export class SettingError extends Error {
  constructor(readonly setting: string, message: string) {
    super(message);
    this.name = 'SettingError';
  }
}

/** Resolves the API and sign-in servers from the settings, or says exactly which setting is wrong. */
export function resolveServers(settings: ServerSettings): Servers {
  if (settings.environment !== 'custom') {
    const url = knownServers[settings.environment] ?? knownServers.live;
    return { key: settings.environment in knownServers ? settings.environment : 'live', apiUrl: url, authority: url };
  }
  if (!settings.apiUrl.trim()) {
    throw new SettingError('bimlink.apiUrl', 'The BIMlink environment is "custom", but no API URL is set.');
  }
  const apiUrl = parseServerUrl('bimlink.apiUrl', 'API URL', settings.apiUrl);
  const authority = settings.authority.trim() ? parseServerUrl('bimlink.authority', 'sign-in server URL', settings.authority) : apiUrl;
  return { key: `custom:${apiUrl}|${authority}`, apiUrl, authority };
}

/** An http(s) base URL with no credentials, query or fragment; plain http only for loopback addresses. */
function parseServerUrl(setting: string, what: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new SettingError(setting, `The BIMlink ${what} "${value}" is not a valid URL. Use, for example, https://api.demo-bimlink.nl.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new SettingError(setting, `The BIMlink ${what} must start with https:// (it is "${value}").`);
  }
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    throw new SettingError(setting, `The BIMlink ${what} must use https:// unless it is on this computer (127.0.0.1 or localhost).`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new SettingError(setting, `The BIMlink ${what} must be a plain base URL, without credentials, query or fragment.`);
  }
  return url.href.replace(/\/+$/, '');
}

export function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}
