// The settings object: read once, read again only after a BIMlink setting changed, and only application-level values.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SettingError } from '../../../src/core/config/servers';
import { Settings } from '../../../src/vscode/settings/settings';
import { changeSettings, resetFakeVscode, workspace } from '../fakes/vscode';

describe('Settings', () => {
  afterEach(() => resetFakeVscode());

  it('keeps what it read until a BIMlink setting changes, then reads again and says so', () => {
    const settings = new Settings();
    const inspect = vi.spyOn(workspace, 'getConfiguration');
    changeSettings({ environment: 'custom', apiUrl: 'http://127.0.0.1:4010', clientId: ' client ' });
    const first = settings.values;
    expect(settings.values).toBe(first);
    expect(first.clientId).toBe('client');
    expect(first.servers).not.toBeInstanceOf(SettingError);
    const calls = inspect.mock.calls.length;

    const changed = vi.fn();
    settings.onDidChange(changed);
    changeSettings({ pageSize: 25 });
    expect(changed).toHaveBeenCalledTimes(1);
    expect(settings.values.pageSize).toBe(25);
    expect(inspect.mock.calls.length).toBeGreaterThan(calls);
    settings.dispose();
  });

  it('stops listening when disposed', () => {
    const settings = new Settings();
    const changed = vi.fn();
    settings.onDidChange(changed);
    settings.dispose();
    changeSettings({ pageSize: 10 });
    expect(changed).not.toHaveBeenCalled();
  });

  it('reports a custom environment without an API URL as a setting error, not a server', () => {
    const settings = new Settings();
    changeSettings({ environment: 'custom', apiUrl: '' });
    expect(settings.values.servers).toBeInstanceOf(SettingError);
    settings.dispose();
  });
});
