// What the Extensions view shows and what the .vsix holds, and that the manifest's menus match the tree's rows.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { entriesUnder, projectRoot as root } from '../support/projectFiles';

const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

describe('the package', () => {
  it('has a 128×128 PNG icon for the Extensions view', () => {
    expect(manifest.icon).toBe('media/icon.png');
    const png = readFileSync(path.join(root, manifest.icon));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([128, 128]); // IHDR width, height
  });

  it('holds only what a user needs: the bundle, the manifest, the documents and the pictures the README shows', () => {
    const listed = execFileSync(path.join(root, 'node_modules/.bin/vsce'), ['ls'], { cwd: root, encoding: 'utf8' })
      .split('\n').map(line => line.trim()).filter(Boolean);
    const readmeImages = [...readFileSync(path.join(root, 'README.md'), 'utf8').matchAll(/\]\((media\/[^)\s]+\.png)\)/g)].map(m => m[1]);
    const phasePanels = ['media/phaseDom.js', 'media/phaseOverview.js', 'media/phaseComparison.js', 'media/phaseView.css']; // the webview panels' own files
    const allowed = new Set(['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'SECURITY.md', 'dist/extension.js',
      manifest.icon, 'media/bimlink.svg', ...phasePanels, ...readmeImages]);
    expect(listed.filter(file => !allowed.has(file))).toEqual([]);
    for (const needed of ['package.json', 'README.md', 'LICENSE', manifest.icon, 'media/bimlink.svg', ...phasePanels, ...readmeImages]) expect(listed).toContain(needed);
  }, 60_000);

  it('shows each row command only on rows whose context value the tree sets', () => {
    const contextWords = new Set<string>();
    for (const file of entriesUnder('src/vscode/tree').filter(e => e.isFile)) {
      for (const line of readFileSync(path.join(root, file.path), 'utf8').split('\n').filter(l => l.includes('contextValue'))) {
        for (const literal of line.matchAll(/(['`])([^'`]*)\1/g)) literal[2].split(/[\s}]+/).filter(w => /^[a-zA-Z]+$/.test(w)).forEach(w => contextWords.add(w));
      }
    }
    const menuWords = new Set<string>();
    for (const entry of Object.values(manifest.contributes.menus).flat() as { when?: string }[]) {
      for (const [, pattern] of (entry.when ?? '').matchAll(/viewItem\s*(?:=~|==)\s*(\/[^/]+\/|\S+)/g)) {
        pattern.replace(/\\b/g, '').replace(/^\/|\/$/g, '').replace(/[()]/g, '').split('|').forEach(w => menuWords.add(w));
      }
    }
    expect(menuWords.size).toBeGreaterThan(5);
    expect([...menuWords].filter(word => !contextWords.has(word))).toEqual([]);
  });
});
