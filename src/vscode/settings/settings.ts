import * as vscode from 'vscode';
import { collectionPattern } from '../../core/model/entityDocument';
import { resolveServers, SettingError, type EnvironmentName, type Servers } from '../../core/config/servers';

/** The settings the extension reads, as read at one moment. */
export interface SettingValues {
  /** The servers, or why the settings do not name usable ones. */
  readonly servers: Servers | SettingError;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly pageSize: number;
  /** bimlink.collections: collection → the path segment this server serves it at. */
  readonly collections: Readonly<Record<string, string>>;
}

/**
 * The BIMlink settings, owned by the composition root. Only application-level values count — the user's own value,
 * else the default — so a repository's .vscode/settings.json can never point the extension, and the user's tokens,
 * at another host. The values are read once and kept until a BIMlink setting changes (each read costs VS Code a few
 * milliseconds); `onDidChange` fires after that, so changes apply without reloading the window.
 */
export class Settings implements vscode.Disposable {
  private lastRead: SettingValues | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscription = vscode.workspace.onDidChangeConfiguration(event => {
    if (!event.affectsConfiguration('bimlink')) return;
    this.lastRead = undefined;
    this.changed.fire();
  });

  get values(): SettingValues {
    this.lastRead ??= readFromVsCode();
    return this.lastRead;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

function readFromVsCode(): SettingValues {
  // One inspect of the whole section: each inspect costs VS Code about a millisecond, which counts at activation.
  const section = vscode.workspace.getConfiguration().inspect<Record<string, unknown>>('bimlink');
  const applicationValue = <T>(key: string) => (section?.globalValue?.[key] ?? section?.defaultValue?.[key]) as T | undefined;
  let servers: Servers | SettingError;
  try {
    servers = resolveServers({
      environment: applicationValue<EnvironmentName>('environment')!,
      apiUrl: applicationValue<string>('apiUrl') ?? '',
      authority: applicationValue<string>('authority') ?? '',
    });
  } catch (error) {
    if (!(error instanceof SettingError)) throw error;
    servers = error;
  }
  const pageSize = vscode.workspace.getConfiguration('bimlink').get<number>('pageSize', 100);
  return {
    servers,
    clientId: (applicationValue<string>('clientId') ?? '').trim(),
    redirectUri: (applicationValue<string>('redirectUri') ?? '').trim(),
    pageSize: Number.isInteger(pageSize) && pageSize > 0 ? Math.min(pageSize, 1000) : 100,
    collections: collectionSettings(applicationValue<unknown>('collections')),
  };
}

/** The well-formed entries of bimlink.collections (VS Code shows the others as errors in the settings editor). */
function collectionSettings(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] =>
    collectionPattern.test(entry[0]) && typeof entry[1] === 'string' && collectionPattern.test(entry[1])));
}

export function missingClientId(): SettingError {
  return new SettingError('bimlink.clientId', 'BIMlink needs a client id to sign you in. Set "bimlink.clientId" to the client id BIMlink registered for you.');
}
