// The HTML the emulator shows in the browser: the login form, sign-out confirmation and error
// page. Plain, accessible HTML that a test can parse and a person can use.

import type { DemoUser } from '../data/users';

export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function layout(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · BIMlink (emulator)</title>
<style>
  body { font-family: system-ui, sans-serif; background: #f3f5f7; color: #1d2733; margin: 0; }
  main { max-width: 24rem; margin: 4rem auto; background: #fff; padding: 2rem; border-radius: 8px; box-shadow: 0 2px 8px rgb(0 0 0 / 0.08); }
  h1 { font-size: 1.4rem; margin-top: 0; }
  label { display: block; margin: 1rem 0 0.25rem; font-weight: 600; }
  input { width: 100%; box-sizing: border-box; padding: 0.5rem; font-size: 1rem; border: 1px solid #9aa5b1; border-radius: 4px; }
  button { margin-top: 1.25rem; padding: 0.6rem 1rem; font-size: 1rem; border: 0; border-radius: 4px; background: #0b5cad; color: #fff; cursor: pointer; }
  button.secondary { background: #e4e8ec; color: #1d2733; }
  .error { background: #fde8e8; border: 1px solid #e0a0a0; color: #8a1c1c; padding: 0.6rem; border-radius: 4px; }
  .hint { font-size: 0.85rem; color: #52606d; margin-top: 2rem; }
  code { background: #eef1f4; padding: 0 0.2rem; }
</style>
</head>
<body><main>
${body}
</main></body>
</html>`;
}

export interface LoginPageModel {
  readonly action: string;
  readonly abortAction: string;
  readonly clientName: string;
  readonly email?: string;
  readonly error?: string;
  readonly users: readonly DemoUser[];
}

export function loginPage(model: LoginPageModel): string {
  const error = model.error ? `<p class="error" role="alert" id="login-error">${escapeHtml(model.error)}</p>` : '';
  const users = model.users.map((u) => `<li><code>${escapeHtml(u.email)}</code> / <code>${escapeHtml(u.password)}</code> (${escapeHtml(u.name)})</li>`).join('');
  return layout('Sign in', `
<h1>Sign in to BIMlink</h1>
<p><strong>${escapeHtml(model.clientName)}</strong> wants to access your BIMlink data.</p>
${error}
<form method="post" action="${escapeHtml(model.action)}" autocomplete="off">
  <label for="email">Email</label>
  <input id="email" name="email" type="email" required autofocus value="${escapeHtml(model.email ?? '')}">
  <label for="password">Password</label>
  <input id="password" name="password" type="password" required>
  <button type="submit">Sign in</button>
</form>
<form method="post" action="${escapeHtml(model.abortAction)}">
  <button type="submit" class="secondary">Cancel</button>
</form>
<div class="hint">This is the local BIMlink emulator. Demo users:<ul>${users}</ul></div>`);
}

export function logoutPage(form: string, clientName: string | undefined): string {
  return layout('Sign out', `
<h1>Sign out of BIMlink?</h1>
${clientName ? `<p>Requested by <strong>${escapeHtml(clientName)}</strong>.</p>` : ''}
${form}
<button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button>
<button type="submit" form="op.logoutForm" class="secondary">No, stay signed in</button>`);
}

export function loggedOutPage(): string {
  return layout('Signed out', '<h1>You are signed out</h1><p>You can close this window.</p>');
}

export function errorPage(error: string, description: string | undefined): string {
  return layout('Error', `
<h1>Sign-in failed</h1>
<p class="error" role="alert"><strong>${escapeHtml(error)}</strong>${description ? `: ${escapeHtml(description)}` : ''}</p>`);
}
