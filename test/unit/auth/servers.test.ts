import { describe, expect, it } from 'vitest';
import { resolveServers, SettingError } from '../../../src/core/config/servers';

const settings = (environment: 'live' | 'demo' | 'custom', apiUrl = '', authority = '') => ({ environment, apiUrl, authority });

describe('resolveServers', () => {
  it('knows the live and demo servers, and ignores the custom URLs for them', () => {
    expect(resolveServers(settings('live', 'https://evil.example'))).toEqual({ key: 'live', apiUrl: 'https://api.bimlink.nl', authority: 'https://api.bimlink.nl' });
    expect(resolveServers(settings('demo'))).toEqual({ key: 'demo', apiUrl: 'https://api.demo-bimlink.nl', authority: 'https://api.demo-bimlink.nl' });
  });

  it('uses the custom API URL, and its origin for sign-in unless an authority is set', () => {
    expect(resolveServers(settings('custom', 'http://127.0.0.1:4010/'))).toMatchObject({ apiUrl: 'http://127.0.0.1:4010', authority: 'http://127.0.0.1:4010' });
    const both = resolveServers(settings('custom', 'https://api.example.nl/v1', 'https://login.example.nl'));
    expect(both).toMatchObject({ apiUrl: 'https://api.example.nl/v1', authority: 'https://login.example.nl' });
    expect(both.key).not.toBe(resolveServers(settings('custom', 'https://api.example.nl/v1')).key);
  });

  it.each([
    ['', 'bimlink.apiUrl', /no API URL/],
    ['api.example.nl', 'bimlink.apiUrl', /not a valid URL/],
    ['ftp://api.example.nl', 'bimlink.apiUrl', /https:\/\//],
    ['http://api.example.nl', 'bimlink.apiUrl', /unless it is on this computer/],
    ['https://user:pw@api.example.nl', 'bimlink.apiUrl', /without credentials/],
    ['https://api.example.nl/?x=1', 'bimlink.apiUrl', /without credentials, query/],
  ])('refuses the API URL %j and names the setting', (apiUrl, setting, message) => {
    let error: unknown;
    try { resolveServers(settings('custom', apiUrl)); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(SettingError);
    expect((error as SettingError).setting).toBe(setting);
    expect((error as Error).message).toMatch(message);
  });

  it('refuses a bad authority and names that setting', () => {
    let error: unknown;
    try { resolveServers(settings('custom', 'https://api.example.nl', 'http://login.example.nl')); } catch (e) { error = e; }
    expect((error as SettingError).setting).toBe('bimlink.authority');
  });
});
