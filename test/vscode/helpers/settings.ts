import * as vscode from 'vscode';
import { emulatorUrl, publicClientId } from './emulator';
import { defaultRedirectUri } from './testPorts';

/** Points the extension at the emulator, in user (application-level) settings, as a user would. */
export async function useEmulator(overrides: Record<string, unknown> = {}): Promise<void> {
  const values: Record<string, unknown> = {
    environment: 'custom',
    apiUrl: emulatorUrl(),
    authority: '',
    clientId: publicClientId,
    redirectUri: defaultRedirectUri,
    ...overrides,
  };
  const config = vscode.workspace.getConfiguration('bimlink');
  for (const [key, value] of Object.entries(values)) await config.update(key, value, vscode.ConfigurationTarget.Global);
}
