// The OAuth clients the emulator knows, like BIMlink's registration by mail: a short client id,
// whitelisted redirect URIs (matched exactly), and optionally a secret ("client credentials").

export const PUBLIC_CLIENT_ID = 'bimlink-explorer';
export const CONFIDENTIAL_CLIENT_ID = 'bimlink-explorer-confidential';
export const CONFIDENTIAL_CLIENT_SECRET = 'demo-secret';

/** The redirect URIs the extension uses by default (see its `bimlink.redirectUri` setting). */
export const DEFAULT_REDIRECT_URIS: readonly string[] = [
  'http://127.0.0.1:33418/callback',
  'vscode://bimlink-explorer.bimlink-explorer/callback',
];

export interface ClientRegistration {
  readonly client_id: string;
  readonly client_name: string;
  readonly client_secret?: string;
  readonly token_endpoint_auth_method: 'none' | 'client_secret_basic';
  /** native: allows loopback http and the vscode:// scheme (RFC 8252). */
  readonly application_type: 'native';
  readonly grant_types: readonly string[];
  readonly response_types: readonly string[];
  readonly redirect_uris: readonly string[];
  readonly post_logout_redirect_uris: readonly string[];
}

export function clientRegistrations(redirectUris: readonly string[]): ClientRegistration[] {
  const common = {
    application_type: 'native',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: redirectUris,
    post_logout_redirect_uris: redirectUris,
  } as const;
  return [
    { ...common, client_id: PUBLIC_CLIENT_ID, client_name: 'BIMlink Explorer for VS Code', token_endpoint_auth_method: 'none' },
    {
      ...common,
      client_id: CONFIDENTIAL_CLIENT_ID,
      client_name: 'BIMlink Explorer for VS Code (confidential)',
      client_secret: CONFIDENTIAL_CLIENT_SECRET,
      // oidc-provider accepts client_secret_post as well for a client registered with _basic.
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ];
}
