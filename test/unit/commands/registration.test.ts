// Every command goes through the one wrapper: registered only by src/vscode/commands/command.ts, with no handler of its
// own that shows a failure, and the ids registered are exactly those the manifest contributes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { sourceFiles } from '../support/projectFiles';
import { registerSignOutOtherServers } from '../../../src/vscode/auth/signOutOtherServers';
import { commandIds } from '../../../src/vscode/commands/commandIds';
import { registerCommands, type CommandDependencies } from '../../../src/vscode/commands/registerCommands';
import { commands, MemorySecretStorage, resetFakeVscode } from '../fakes/vscode';
import { recordingLog } from './support/recordingLog';

const root = path.resolve(__dirname, '../../..');
const wrapper = 'src/vscode/commands/command.ts';

/** `file:line: text` of each line of these files that matches. */
function linesMatching(files: string[], pattern: RegExp): string[] {
  return files.flatMap(file => readFileSync(path.join(root, file), 'utf8').split('\n')
    .map((text, i) => ({ file, line: i + 1, text }))
    .filter(({ text }) => pattern.test(text)))
    .map(({ file, line, text }) => `${file}:${line}: ${text.trim()}`);
}

beforeEach(resetFakeVscode);

describe('command registration', () => {
  it('goes through the wrapper only: no other file registers a command with VS Code', () => {
    expect(linesMatching(sourceFiles('src').filter(file => file !== wrapper), /\bcommands\s*\.\s*registerCommand\b/)).toEqual([]);
  });

  it('leaves failures to the wrapper: no command file shows an error message itself', () => {
    const commandFiles = [...sourceFiles('src/vscode/commands'), 'src/vscode/auth/signOutOtherServers.ts'].filter(file => file !== wrapper);
    expect(linesMatching(commandFiles, /\bshowErrorMessage\b|\bshowSettingError\b/)).toEqual([]);
  });

  it('registers exactly the commands the manifest contributes', () => {
    const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { contributes: { commands: { command: string }[] } };
    expect([...commandIds].sort()).toEqual(manifest.contributes.commands.map(c => c.command).sort());

    const settings = { onDidChange: () => ({ dispose() {} }) };
    const auth = { otherServers: async () => [] };
    registerCommands({ log: recordingLog(), auth, settings } as unknown as CommandDependencies);
    registerSignOutOtherServers(auth as never, new MemorySecretStorage() as never, settings as never, recordingLog()).dispose();
    const registered = (commands.registerCommand.mock.calls as unknown[][]).map(([id]) => id);
    expect([...registered].sort()).toEqual([...commandIds].sort());
  });
});
