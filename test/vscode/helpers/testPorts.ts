/** The loopback redirect the extension uses by default, registered with the emulator's public client. */
export const defaultRedirectUri = 'http://127.0.0.1:33418/callback';
/** A second loopback redirect the emulator accepts, for tests that need the default port busy. */
export const alternateRedirectUri = 'http://127.0.0.1:33419/callback';
export const testRedirectUris = [alternateRedirectUri];
