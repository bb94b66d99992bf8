// The layout shows the architecture: short files, one file-name style, and src/vscode in one folder per capability.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { entriesUnder, projectRoot as root } from '../support/projectFiles';

describe('the source layout', () => {
  it('has no source file over 250 lines', () => {
    const long = entriesUnder('src').filter(e => e.isFile)
      .map(e => ({ file: e.path, lines: readFileSync(path.join(root, e.path), 'utf8').trimEnd().split('\n').length }))
      .filter(({ lines }) => lines > 250);
    expect(long).toEqual([]);
  });

  it('names every file and folder of src and test in camelCase (README.md aside; a dotted suffix names the kind)', () => {
    const style = /^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)*$/;
    const offending = [...entriesUnder('src'), ...entriesUnder('test')]
      .filter(e => e.name !== 'README.md' && !style.test(e.name))
      .map(e => e.path);
    expect(offending).toEqual([]);
  });

  it('keeps src/vscode in one folder per capability: no loose files', () => {
    const loose = entriesUnder('src/vscode').filter(e => e.isFile && !e.path.slice('src/vscode/'.length).includes('/'));
    expect(loose.map(e => e.path)).toEqual([]);
  });
});
