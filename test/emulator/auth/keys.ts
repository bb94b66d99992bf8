// The emulator's token signing key: one RSA key per emulator (RS256, as IdentityServer), so
// a token from one emulator instance is not accepted by another.

import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';

export interface SigningKeys {
  /** Private JWK, for oidc-provider's `jwks`. */
  readonly privateJwk: JWK;
  /** Public JWK, as served at /.well-known/openid-configuration/jwks. */
  readonly publicJwk: JWK;
}

export async function createSigningKeys(): Promise<SigningKeys> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  const meta = { kid, alg: 'RS256', use: 'sig' };
  return { privateJwk: { ...(await exportJWK(privateKey)), ...meta }, publicJwk: { ...publicJwk, ...meta } };
}
