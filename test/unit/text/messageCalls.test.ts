// Every notification of the extension goes through src/vscode/feedback/messages.ts, which shows outside text as text (a
// notification turns `[label](command:…)` into a link that runs the command on one click).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const gateway = 'src/vscode/feedback/messages.ts';

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter(name => name.endsWith('.ts'))
    .map(name => path.posix.join(folder, name.split(path.sep).join('/')));
}

describe('notifications', () => {
  it('are shown only through the gateway that makes outside text literal', () => {
    const direct = sourceFiles('src')
      .filter(file => file !== gateway)
      .flatMap(file => readFileSync(path.join(root, file), 'utf8').split('\n')
        .map((line, i) => ({ file, line: i + 1, text: line }))
        .filter(({ text }) => /\bwindow\s*\.\s*show(?:Information|Warning|Error)Message\b/.test(text)))
      .map(({ file, line, text }) => `${file}:${line}: ${text.trim()}`);
    expect(direct).toEqual([]);
  });
});
