// The top of the explorer as the connection changes: signed out, misconfigured, no domain accounts, and an
// account switch during a load. A BimlinkClient over a scripted fetch, so each request is answered by the test.
import { describe, expect, it } from 'vitest';
import { BimlinkClient } from '../../../src/core/api/client';
import { SettingError } from '../../../src/core/config/servers';
import { rowsOf, signedIn, TestConnection, treeFor } from './support/treeSession';

interface Pending { url: string; signal: AbortSignal | undefined; answer(body: unknown): void }

/** A client whose requests wait for the test; an aborted one fails as fetch does. */
function scriptedClient(): { client: BimlinkClient; requests: Pending[] } {
  const requests: Pending[] = [];
  const fetch = (input: string | URL | Request, init?: RequestInit) => new Promise<Response>((resolve, reject) => {
    const signal = init?.signal ?? undefined;
    signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    requests.push({ url: String(input), signal, answer: body => resolve(Response.json(body)) });
  });
  const tokens = { getAccessToken: async () => 'token', refreshAccessToken: async () => 'token' };
  return { client: new BimlinkClient({ baseUrl: 'https://bimlink.test', fetch, tokens, retry: { baseDelayMs: 1, maxDelayMs: 1 } }), requests };
}

const waitFor = async (check: () => boolean): Promise<void> => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise(resolve => setTimeout(resolve, 5));
  expect(check()).toBe(true);
};

describe('the top of the explorer', () => {
  it('is empty signed out, so VS Code shows the welcome content', async () => {
    const { tree } = treeFor(new TestConnection({ kind: 'signedOut' }));
    expect(await tree.getChildren()).toEqual([]);
  });

  it('names the faulty setting, with a link to it, when the settings are wrong', async () => {
    const error = new SettingError('bimlink.environment', 'bimlink.environment: "x" is not an environment.');
    const { tree } = treeFor(new TestConnection({ kind: 'misconfigured', error }));
    const [row] = await tree.getChildren();
    expect(row!.id).toBe('root/message=settings');
    expect(tree.getTreeItem(row!)).toMatchObject({
      label: error.message, contextValue: 'message', iconPath: { id: 'warning' },
      command: { command: 'workbench.action.openSettings', arguments: ['bimlink.environment'] },
    });
  });

  it('says what to do when the account belongs to no domain account', async () => {
    const { client, requests } = scriptedClient();
    const { tree } = treeFor(new TestConnection(signedIn(client)));
    const rows = tree.getChildren();
    await waitFor(() => requests.length === 1);
    requests[0]!.answer([]);
    const [row] = await rows;
    expect(row!.id).toBe('root/message=no-domain-accounts');
    expect(tree.getTreeItem(row!).label).toMatch(/^You are not a member of any BIMlink domain account/);
  });

  it('shows the new account\'s domain accounts when the account changes during a load, aborting the old load', async () => {
    const before = scriptedClient();
    const after = scriptedClient();
    const connection = new TestConnection(signedIn(before.client));
    const { tree, redrawn } = treeFor(connection);
    const rows = rowsOf(tree);
    await waitFor(() => before.requests.length === 1);
    connection.change(signedIn(after.client));
    expect(redrawn.at(-1)).toBeUndefined();
    expect(before.requests[0]!.signal?.aborted).toBe(true);
    before.requests[0]!.answer([{ id: 'old', name: 'Old account\'s domain account' }]);
    await waitFor(() => after.requests.length === 1);
    after.requests[0]!.answer([{ id: 'new', name: 'New account\'s domain account' }]);
    expect(await rows).toEqual(['New account\'s domain account']);
    expect(before.requests).toHaveLength(1); // the old account asks nothing more
  });
});
