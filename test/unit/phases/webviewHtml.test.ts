// The phase panels' page skeleton: the exact policy, the nonce on the one script, nothing remote, and the panel's
// options (scripts on, only media/ readable, no context kept while hidden).
import { beforeEach, describe, expect, it } from 'vitest';
import { PhasePanels } from '../../../src/vscode/phases/phasePanels';
import { contentSecurityPolicy, newNonce, webviewHtml } from '../../../src/vscode/phases/webviewHtml';
import { panels, resetFakeVscode, Uri } from '../fakes/vscode';

const extensionUri = Uri.file('/ext');
const cdn = 'https://file%2B.vscode-resource.vscode-cdn.net'; // as VS Code's Uri writes the authority

beforeEach(resetFakeVscode);

describe('the phase panels\' page', () => {
  it('has exactly the strict policy: nothing by default, the webview\'s own styles, scripts by nonce only, no base or form target', () => {
    const policy = contentSecurityPolicy('https://*.vscode-cdn.net', 'abc+/=');
    expect(policy).toBe("default-src 'none'; style-src https://*.vscode-cdn.net; script-src 'nonce-abc+/='; base-uri 'none'; form-action 'none'");
    expect(policy).toMatch(/script-src 'nonce-[^']+'(;|$)/); // as the journey checks it
    expect(policy).not.toContain('img-src'); // no image on the pages: the chart is inline SVG
  });

  it('loads its two scripts, from media/, each carrying the nonce of the policy; no inline script or style, nothing remote', () => {
    const panel = new PhasePanels(extensionUri).show('k', 'phaseOverview.js', { title: 'Overview: <b>x</b>', state: {}, onMessage: () => undefined });
    const html = panel.webview.html;
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)![1]!.replaceAll('&#39;', "'");
    const nonce = /'nonce-([^']+)'/.exec(policy)![1]!;
    expect(policy).toBe(contentSecurityPolicy('https://*.vscode-cdn.net', nonce));
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.map(s => s[1])).toEqual([` nonce="${nonce}" src="${cdn}/ext/media/phaseDom.js"`, ` nonce="${nonce}" src="${cdn}/ext/media/phaseOverview.js"`]);
    expect(scripts.map(s => s[2])).toEqual(['', '']); // no inline code
    expect(html).not.toMatch(/\sstyle=|<style|\son[a-z]+=/i);
    expect([...html.matchAll(/(?:src|href)="([^"]*)"/g)].map(m => m[1])).toEqual([`${cdn}/ext/media/phaseView.css`, `${cdn}/ext/media/phaseDom.js`, `${cdn}/ext/media/phaseOverview.js`]);
    expect(html).not.toContain('http://');
    expect(html.replace(/https:\/\/\*\.vscode-cdn\.net/g, '').replaceAll(`${cdn}/ext/media/`, '')).not.toContain('https:');
    expect(html).not.toContain('<b>'); // the panel's title is not the page's: no server text in the skeleton
    expect(panels[0]!.options).toEqual({ enableScripts: true, localResourceRoots: [Uri.file('/ext/media')], retainContextWhenHidden: false });
  });

  it('escapes what it is given and uses a fresh nonce for every render', () => {
    const html = webviewHtml({ cspSource: 'x', nonce: 'n', scriptUris: ['a"b'], styleUri: 's', title: '<script>alert(1)</script>' });
    expect(html).toContain('src="a&quot;b"');
    expect(html).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>');
    const nonces = new Set(Array.from({ length: 20 }, newNonce));
    expect(nonces.size).toBe(20);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    const panelsOf = new PhasePanels(extensionUri);
    const first = panelsOf.show('k', 'phaseComparison.js', { title: 't', state: {}, onMessage: () => undefined }).webview.html;
    const again = panelsOf.show('k', 'phaseComparison.js', { title: 't', state: {}, onMessage: () => undefined }).webview.html;
    expect(panels).toHaveLength(1); // the same panel, revealed
    expect(again).not.toBe(first);
  });

  it('posts its state when the page is ready and whenever the panel is shown again, and hands on other messages', () => {
    const received: unknown[] = [];
    new PhasePanels(extensionUri).show('k', 'phaseOverview.js', { title: 't', state: { type: 'overview' }, onMessage: m => { received.push(m); } });
    const panel = panels[0]!;
    panel.receive({ type: 'ready' });
    panel.setVisible(false);
    panel.setVisible(true);
    expect(panel.posted).toEqual([{ type: 'overview' }, { type: 'overview' }, { type: 'overview' }]);
    panel.receive({ type: 'copyCsv' });
    expect(received).toEqual([{ type: 'copyCsv' }]);
  });
});
