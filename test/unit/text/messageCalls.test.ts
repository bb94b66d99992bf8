// Every notification of the extension goes through src/vscode/feedback/messages.ts, which shows outside text as text (a
// notification turns `[label](command:…)` into a link that runs the command on one click).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '../support/projectFiles';

const root = path.resolve(__dirname, '../../..');
const gateway = 'src/vscode/feedback/messages.ts';

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
