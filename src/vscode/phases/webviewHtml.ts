// The page skeleton of the phase panels (overview and comparison). The page holds no data and no text from the
// server: the script builds everything from a posted message with createElement and textContent. The policy lets
// in only the extension's own stylesheet and the script carrying this render's nonce; no <base> and no form target.
import { randomBytes } from 'node:crypto';

export interface WebviewPage {
  /** The webview's `cspSource`: where its own resources (media/) are served from. */
  readonly cspSource: string;
  /** A fresh nonce per render (see newNonce). */
  readonly nonce: string;
  /** The page's scripts (in order: the DOM helpers, then the page) and stylesheet, as webview URIs of files under media/. */
  readonly scriptUris: readonly string[];
  readonly styleUri: string;
  /** The page's own title (the panel's tab shows the panel's title). */
  readonly title: string;
}

/** 128 random bits, base64 (the characters a CSP nonce may hold). */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  // no img-src: the pages show no image (the chart is inline SVG); base-uri and form-action do not fall back to default-src
  return `default-src 'none'; style-src ${cspSource}; script-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'`;
}

export function webviewHtml(page: WebviewPage): string {
  const csp = contentSecurityPolicy(page.cspSource, page.nonce);
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="UTF-8">',
    `<meta http-equiv="Content-Security-Policy" content="${attribute(csp)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1.0">',
    `<link rel="stylesheet" href="${attribute(page.styleUri)}">`,
    `<title>${text(page.title)}</title>`,
    '</head>',
    '<body>',
    '<main id="root" aria-busy="true"><p>Loading…</p></main>',
    ...page.scriptUris.map(uri => `<script nonce="${attribute(page.nonce)}" src="${attribute(uri)}"></script>`),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const text = (value: string): string => value.replace(/[&<>"']/g, c => escapes[c]!);
const attribute = text;
