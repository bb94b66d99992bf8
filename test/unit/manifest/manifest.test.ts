// The manifest is the extension's public surface (DESIGN.md): ids, settings and commands others script against.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
const { contributes } = manifest;

const designCommands = ['signIn', 'signOut', 'selectDomainAccount', 'selectProjectPhase', 'refresh', 'openEntities',
  'nextPage', 'previousPage', 'exportEntities', 'copyId', 'showLog'].map(name => `bimlink.${name}`);
const applicationScoped = ['environment', 'apiUrl', 'authority', 'clientId', 'redirectUri', 'collections'].map(name => `bimlink.${name}`);

describe('package.json', () => {
  it('names the extension and targets VS Code 1.100 with matching typings', () => {
    expect(manifest.name).toBe('bimlink-explorer');
    expect(manifest.displayName).toBe('BIMlink Explorer');
    expect(manifest.publisher).toMatch(/^[a-z0-9][a-z0-9-]*$/);
    expect(manifest.engines.vscode).toBe('^1.100.0');
    expect(manifest.devDependencies['@types/vscode']).toBe('1.100.0');
    expect(lock.packages['node_modules/@types/vscode'].version).toBe('1.100.0');
    expect(manifest.main).toBe('./dist/extension.js');
  });

  it('runs beside the browser where it can (the loopback redirect must reach it), else on the workspace side', () => {
    expect(manifest.extensionKind).toEqual(['ui', 'workspace']);
  });

  it('activates only on demand', () => {
    for (const event of manifest.activationEvents ?? []) {
      expect(event).not.toBe('*');
      expect(event).not.toBe('onStartupFinished');
    }
  });

  it('contributes the view container, the tree view with a Sign in welcome, and the auth provider', () => {
    const container = contributes.viewsContainers.activitybar.find((c: { id: string }) => c.id === 'bimlink');
    expect(container).toBeDefined();
    expect(container.icon).toMatch(/^media\/.+\.svg$/);
    const svg = readFileSync(path.join(root, container.icon), 'utf8');
    expect(svg).toContain('currentColor'); // follows the theme's foreground instead of a fixed colour
    expect(contributes.views.bimlink.map((v: { id: string }) => v.id)).toContain('bimlink.explorer');
    const welcome = contributes.viewsWelcome.find((w: { contents: string }) => w.contents.includes('(command:bimlink.signIn)'));
    expect(welcome.view).toBe('bimlink.explorer');
    expect(welcome.when).toBe('!bimlink.signedIn && !bimlink.needsClientId');
    const clientId = contributes.viewsWelcome.find((w: { when: string }) => w.when.includes('&& bimlink.needsClientId'));
    expect(clientId.contents).toContain('bimlink.clientId');
    expect(contributes.authentication).toEqual([{ id: 'bimlink', label: 'BIMlink' }]);
  });

  it('contributes every setting of the design, URL, client and redirect ones at application scope', () => {
    const properties = contributes.configuration.properties;
    for (const key of [...applicationScoped, 'bimlink.pageSize']) {
      expect(properties[key], key).toBeDefined();
      expect(properties[key].markdownDescription, key).toMatch(/\w{10,}/);
      expect(properties[key].default, key).toBeDefined();
    }
    for (const key of applicationScoped) expect(properties[key].scope, key).toBe('application');
    expect(properties['bimlink.environment'].enum).toEqual(['live', 'demo', 'custom']);
    expect(JSON.stringify(properties)).not.toMatch(/secret"\s*:/i); // a client secret never lives in settings
  });

  it('contributes every command of the design in category BIMlink with a codicon', () => {
    const commands: { command: string; category: string; icon: string; title: string }[] = contributes.commands;
    expect(commands.map(c => c.command)).toEqual(expect.arrayContaining(designCommands));
    for (const c of commands) {
      expect(c.category, c.command).toBe('BIMlink');
      expect(c.icon, c.command).toMatch(/^\$\([a-z-]+\)$/);
      expect(c.title, c.command).not.toMatch(/^BIMlink/); // the category already says it
    }
  });

  it('hides commands where they do not apply', () => {
    const palette: { command: string; when: string }[] = contributes.menus.commandPalette;
    const whenOf = (id: string) => palette.find(entry => entry.command === id)?.when;
    expect(whenOf('bimlink.signIn')).toBeUndefined(); // always: signing in again adds another account
    expect(whenOf('bimlink.signOut')).toBe('bimlink.signedIn');
    expect(whenOf('bimlink.nextPage')).toContain('resourceScheme == bimlink');
    expect(whenOf('bimlink.copyId')).toBe('false'); // only meaningful on a tree node
    for (const entry of Object.values(contributes.menus).flat() as { when?: string }[]) expect(entry.when).toBeTruthy();
  });

  it('puts the whole-tree Refresh in the view\'s title bar and a node\'s own Refresh in its context menu', () => {
    // VS Code hands a title-bar command the focused row: the title bar's Refresh must not be the one that reloads a node
    const { 'view/title': title, 'view/item/context': item, commandPalette: palette } = contributes.menus as
      Record<string, { command: string; when: string }[]>;
    expect(title.map(entry => entry.command)).toContain('bimlink.refresh');
    expect(title.map(entry => entry.command)).not.toContain('bimlink.refreshNode');
    expect(item.filter(entry => /refresh/i.test(entry.command)).map(entry => entry.command)).toEqual(['bimlink.refreshNode']);
    expect(palette.find(entry => entry.command === 'bimlink.refreshNode')?.when).toBe('false');
    expect(palette.find(entry => entry.command === 'bimlink.refresh')?.when).toBe('bimlink.signedIn');
    const refreshNode = contributes.commands.find((c: { command: string }) => c.command === 'bimlink.refreshNode');
    expect(refreshNode).toMatchObject({ title: 'Refresh', category: 'BIMlink', icon: '$(refresh)' });
  });

  it('keeps sources, tests, maps and dependencies out of the .vsix', () => {
    const ignore = readFileSync(path.join(root, '.vscodeignore'), 'utf8').split('\n').map(l => l.trim());
    for (const entry of ['src/**', 'test/**', '**/*.map', 'node_modules/**', 'out/**']) expect(ignore).toContain(entry);
    expect(existsSync(path.join(root, 'LICENSE'))).toBe(true);
  });
});
