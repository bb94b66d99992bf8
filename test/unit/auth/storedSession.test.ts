// Stored sessions carry the servers and client they belong to; sessions stored before that belong to the environment
// they are stored under.
import { describe, expect, it } from 'vitest';
import { readStoredSession, serversOfEnvironmentKey } from '../../../src/core/auth/storedSession';
import { resolveServers } from '../../../src/core/config/servers';

const demo = { key: 'demo', authority: 'https://api.demo-bimlink.nl' };
const legacy = { id: 's1', account: { id: 'sub-1', label: 'anna@example.nl' }, scopes: ['openid'], refreshToken: 'rt', clientId: 'client' };
const bound = {
  ...legacy,
  environmentKey: 'demo',
  authority: 'https://api.demo-bimlink.nl',
  endpoints: { token: 'https://api.demo-bimlink.nl/connect/token', revocation: 'https://api.demo-bimlink.nl/connect/revocation' },
  clientSecretKey: 'bimlink.clientSecret:demo|client',
};

describe('readStoredSession', () => {
  it('binds a session stored before sessions kept their servers to the environment it is stored under', () => {
    expect(readStoredSession(legacy, demo)).toEqual({
      ...legacy, environmentKey: 'demo', authority: 'https://api.demo-bimlink.nl', clientSecretKey: 'bimlink.clientSecret:demo|client',
    });
  });

  it('keeps a bound session as stored', () => {
    expect(readStoredSession(bound, demo)).toEqual(bound);
    expect(readStoredSession({ ...bound, superseded: ['rt-0'] }, demo)?.superseded).toEqual(['rt-0']);
  });

  it('does not trust a session that names other servers, or the client secret of another environment, than where it is stored', () => {
    expect(readStoredSession({ ...bound, environmentKey: 'live' }, demo)).toBeUndefined();
    expect(readStoredSession({ ...bound, authority: 'https://api.bimlink.nl' }, demo)).toBeUndefined();
    expect(readStoredSession({ ...bound, clientSecretKey: 'bimlink.clientSecret:live|client' }, demo)).toBeUndefined();
    expect(readStoredSession({ ...bound, clientSecretKey: 'bimlink.session:demo:s2' }, demo)).toBeUndefined();
  });

  it('drops endpoints off the sign-in server\'s origin (they are discovered again)', () => {
    const elsewhere = { ...bound, endpoints: { token: 'https://evil.example/token', revocation: bound.endpoints.revocation } };
    expect(readStoredSession(elsewhere, demo)).not.toHaveProperty('endpoints');
    expect(readStoredSession({ ...bound, endpoints: { token: 42 } }, demo)).not.toHaveProperty('endpoints');
  });

  it.each([
    ['no id', { ...legacy, id: undefined }],
    ['no refresh token', { ...legacy, refreshToken: undefined }],
    ['an account without a label', { ...legacy, account: { id: 'x' } }],
    ['scopes that are not strings', { ...legacy, scopes: [1] }],
    ['superseded tokens that are not strings', { ...legacy, superseded: [null] }],
    ['null', null],
  ])('refuses a session with %s', (_, value) => {
    expect(readStoredSession(value, demo)).toBeUndefined();
  });
});

describe('serversOfEnvironmentKey', () => {
  it('gives back the servers that resolveServers keyed, live, demo and custom', () => {
    for (const settings of [
      { environment: 'live' as const, apiUrl: '', authority: '' },
      { environment: 'demo' as const, apiUrl: '', authority: '' },
      { environment: 'custom' as const, apiUrl: 'http://127.0.0.1:4010', authority: '' },
      { environment: 'custom' as const, apiUrl: 'https://api.example.nl/v1', authority: 'https://login.example.nl/id' },
      { environment: 'custom' as const, apiUrl: 'https://api.example.nl/a|b', authority: 'https://login.example.nl/c|d' },
    ]) {
      const servers = resolveServers(settings);
      expect(serversOfEnvironmentKey(servers.key)).toEqual(servers);
    }
  });

  it('knows no servers for a key resolveServers never gives', () => {
    for (const key of ['', 'staging', 'custom:', 'custom:not a url|x', 'custom:http://api.example.nl|http://api.example.nl', 'toString']) {
      expect(serversOfEnvironmentKey(key)).toBeUndefined();
    }
  });
});
