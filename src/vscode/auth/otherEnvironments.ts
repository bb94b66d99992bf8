import type * as vscode from 'vscode';
import type { Account } from '../../core/auth/idToken';
import { serversOfEnvironmentKey } from '../../core/auth/storedSession';
import type { Servers } from '../../core/config/servers';
import type { SessionServers } from './sessionServers';
import { forgetEnvironment, SessionStore, storedEnvironmentKeys } from './sessionStore';
import type { StorageWrites } from './storageWrites';

/** Sessions stored for an environment other than the current one (for Sign Out of Other Servers). */
export interface OtherServerSessions {
  readonly environmentKey: string;
  readonly servers: Servers;
  readonly accounts: readonly Account[];
}

/** The environments other than `currentKey` that hold sessions, with their servers and accounts. */
export async function otherServerSessions(secrets: vscode.SecretStorage, currentKey: string | undefined): Promise<OtherServerSessions[]> {
  const found: OtherServerSessions[] = [];
  for (const environmentKey of await storedEnvironmentKeys(secrets)) {
    const servers = environmentKey === currentKey ? undefined : serversOfEnvironmentKey(environmentKey);
    if (!servers) continue;
    const sessions = await new SessionStore(secrets, servers).read();
    if (sessions.length) found.push({ environmentKey, servers, accounts: sessions.map(s => s.account) });
  }
  return found;
}

/** Signs every session of these environments out: removed from storage, revoked each at its own server. */
export async function signOutOfEnvironments(deps: {
  secrets: vscode.SecretStorage; writes: StorageWrites; servers: SessionServers; log: vscode.LogOutputChannel;
}, environmentKeys: readonly string[]): Promise<void> {
  for (const environmentKey of environmentKeys) {
    const servers = serversOfEnvironmentKey(environmentKey);
    if (!servers) continue;
    const store = new SessionStore(deps.secrets, servers);
    for (const session of await store.read()) {
      await deps.writes.run(() => store.delete(session.id));
      deps.log.info(`Signed out ${session.account.label} on ${servers.apiUrl}.`);
      await deps.servers.revoke(session);
    }
    if (!(await store.read()).length) await forgetEnvironment(deps.secrets, environmentKey);
  }
}
