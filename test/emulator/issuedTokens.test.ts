// GET /__admin/issued-tokens: every token the token endpoint handed out, for the extension's leak checks.

import { afterAll, beforeAll, expect, it } from 'vitest';
import { startEmulator, type Emulator } from './index';
import { signInWithPassword, tokenRequest } from './testing/signIn';

let emulator: Emulator;
beforeAll(async () => { emulator = await startEmulator(); });
afterAll(() => emulator.close());

it('lists the access, refresh and ID tokens of sign-ins and refreshes, and nothing from refused requests', async () => {
  const first = await signInWithPassword(emulator, 'anna@demo-bimlink.nl');
  const renewed = await tokenRequest(emulator, { grant_type: 'refresh_token', refresh_token: first.refreshToken!, client_id: emulator.clients.publicClientId });
  await tokenRequest(emulator, { grant_type: 'refresh_token', refresh_token: 'not-a-token', client_id: emulator.clients.publicClientId }).catch(() => undefined);
  const { tokens } = await (await fetch(`${emulator.url}/__admin/issued-tokens`)).json() as { tokens: string[] };
  const expected = [first.accessToken, first.refreshToken, first.idToken, renewed.accessToken, renewed.refreshToken].filter(Boolean);
  expect(expected.length).toBeGreaterThanOrEqual(4);
  for (const token of expected) expect(tokens).toContain(token);
  expect(tokens).not.toContain('not-a-token');
});
