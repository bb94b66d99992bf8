import { describe, expect, it } from 'vitest';
import { SettingError } from '../../../src/core/config/servers';
import { chooseRedirectRoute } from '../../../src/core/auth/redirectRoute';

describe('chooseRedirectRoute', () => {
  it('takes a fixed loopback port on 127.0.0.1', () => {
    expect(chooseRedirectRoute('http://127.0.0.1:33418/callback')).toEqual({ kind: 'loopback', uri: 'http://127.0.0.1:33418/callback', port: 33418 });
  });

  it('takes a vscode:// URI, and the scheme of another VS Code build', () => {
    expect(chooseRedirectRoute('vscode://bimlink-explorer.bimlink-explorer/callback')).toEqual({ kind: 'vscode-uri', uri: 'vscode://bimlink-explorer.bimlink-explorer/callback' });
    expect(chooseRedirectRoute('vscode-insiders://bimlink-explorer.bimlink-explorer/callback', 'vscode-insiders').kind).toBe('vscode-uri');
  });

  it.each([
    'http://localhost:33418/callback', // a name can resolve elsewhere; the listener binds 127.0.0.1
    'http://127.0.0.1/callback', // no fixed port
    'http://127.0.0.1:0/callback',
    'https://127.0.0.1:33418/callback',
    'http://192.168.1.5:33418/callback',
    'http://127.0.0.1:33418/callback?x=1',
    'not a uri',
  ])('refuses %j and names the setting', value => {
    let error: unknown;
    try { chooseRedirectRoute(value); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(SettingError);
    expect((error as SettingError).setting).toBe('bimlink.redirectUri');
  });
});
