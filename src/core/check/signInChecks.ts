// The sign-in side of BIMlink: Check Server: the server's discovery document and the access token's claims.
import type { BimlinkClient } from '../api/client';
import { isObject, type JsonObject } from '../api/readJson';
import { failed, timed, type CheckStep } from './checkStep';

export async function discovery(input: { anonymousAuthority: BimlinkClient; authority: string; signal?: AbortSignal }): Promise<CheckStep> {
  const path = '/.well-known/openid-configuration';
  const title = 'Sign-in server: discovery';
  const request = `GET ${input.authority}${path}`;
  const result = await timed(() => input.anonymousAuthority.get(path, {}, { auth: false, signal: input.signal }));
  if (!result.value) return failed(title, request, result);
  const doc = isObject(result.value.body) ? result.value.body : {};
  const findings: string[] = [];
  const issuerMatches = doc.issuer === input.authority;
  findings.push(`issuer: ${String(doc.issuer ?? 'absent')}${issuerMatches ? '' : ` (differs from the authority ${input.authority})`}`);
  for (const key of ['authorization_endpoint', 'token_endpoint', 'revocation_endpoint', 'end_session_endpoint', 'jwks_uri']) {
    findings.push(`${key}: ${typeof doc[key] === 'string' ? doc[key] as string : 'absent'}`);
  }
  const pkce = Array.isArray(doc.code_challenge_methods_supported) && doc.code_challenge_methods_supported.includes('S256');
  findings.push(`PKCE S256: ${pkce ? 'listed' : 'not listed'}`);
  const scopes = Array.isArray(doc.scopes_supported) ? doc.scopes_supported.map(String) : [];
  const missing = ['openid', 'offline_access', 'bimlink_publicapi'].filter(s => !scopes.includes(s));
  findings.push(`scopes the extension asks for: ${missing.length ? `not listed: ${missing.join(', ')}` : 'all listed'}`);
  return { title, request, outcome: String(result.value.status), verdict: issuerMatches && pkce && !missing.length ? 'ok' : 'warning', ms: result.ms, findings };
}

export async function token(claimsOf: () => Promise<JsonObject>): Promise<CheckStep> {
  const title = 'Access token';
  const result = await timed(claimsOf);
  if (!result.value) return failed(title, 'the session\'s access token', result);
  const claims = result.value;
  const scope = Array.isArray(claims.scope) ? claims.scope.map(String) : typeof claims.scope === 'string' ? claims.scope.split(' ') : [];
  const exp = typeof claims.exp === 'number' ? claims.exp : undefined;
  const findings = [
    `scopes: ${scope.join(' ') || 'absent'}${Array.isArray(claims.scope) ? ' (a JSON array)' : ''}`,
    `audience: ${Array.isArray(claims.aud) ? claims.aud.join(', ') : String(claims.aud ?? 'absent')}`,
    `expires: ${exp === undefined ? 'no exp claim' : `in ${Math.round(exp - Date.now() / 1000)} s`}`,
  ];
  return { title, request: 'the session\'s access token (its claims only)', outcome: 'read', verdict: scope.includes('bimlink_publicapi') ? 'ok' : 'warning', ms: result.ms, findings };
}
