// Test support: an emulator, a signed-in demo user, and a BimlinkClient wired to both. The token source
// refreshes through the emulator's real token endpoint (refresh tokens rotate, as on IdentityServer).
import { startEmulator, type Emulator, type EmulatorOptions } from '../../../emulator/index';
import { refreshTokens, signInWithPassword, TokenEndpointError, type TokenSet } from '../../../emulator/testing/index';
import { BimlinkClient, type BimlinkClientOptions } from '../../../../src/core/api/client';
import { SharedRenewal, type AccessTokenSource } from '../../../../src/core/api/tokenSource';

export const ANNA = 'anna@demo-bimlink.nl';
export const BRAM = 'bram@demo-bimlink.nl';

/** Refreshes with the emulator, one renewal at a time, as the extension's source does; counts refreshes so tests can prove they were shared. */
export class EmulatorTokens implements AccessTokenSource {
  refreshes = 0;
  private accessToken: string;
  private refreshToken: string | undefined;
  private readonly renewal = new SharedRenewal(() => this.renew());

  constructor(private readonly emulator: Emulator, tokens: TokenSet) {
    this.accessToken = tokens.accessToken;
    this.refreshToken = tokens.refreshToken;
  }

  static async signIn(emulator: Emulator, user: string): Promise<EmulatorTokens> {
    return new EmulatorTokens(emulator, await signInWithPassword(emulator, user));
  }

  get current(): string {
    return this.accessToken;
  }

  async getAccessToken(): Promise<string> {
    return this.accessToken;
  }

  async refreshAccessToken(rejected: string, signal: AbortSignal): Promise<string> {
    if (rejected !== this.accessToken) return this.accessToken; // already renewed
    return this.renewal.run(signal);
  }

  private async renew(): Promise<string> {
    this.refreshes++;
    if (!this.refreshToken) throw new Error('signed out: no refresh token');
    let next;
    try {
      next = await refreshTokens(this.emulator, this.refreshToken);
    } catch (error) {
      // as the extension does: a refused refresh token ends the session, so it is never sent again
      if (error instanceof TokenEndpointError && error.error === 'invalid_grant') this.refreshToken = undefined;
      throw error;
    }
    this.accessToken = next.accessToken;
    this.refreshToken = next.refreshToken ?? this.refreshToken;
    return this.accessToken;
  }
}

/** Retries without real waiting, unless a test asks for the defaults. */
export const FAST_RETRY = { baseDelayMs: 2, maxDelayMs: 10 };

export function clientFor(emulator: Emulator, tokens: AccessTokenSource, options: Partial<BimlinkClientOptions> = {}): BimlinkClient {
  return new BimlinkClient({ baseUrl: emulator.url, fetch: globalThis.fetch, tokens, retry: FAST_RETRY, ...options });
}

export async function startTestEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  return startEmulator({ objectInstances: 2500, largePhaseObjectInstances: 5000, ...options });
}

/** API requests the emulator has answered since the last reset, by status. */
export function apiResponses(emulator: Emulator): Record<string, number> {
  return emulator.stats().responses;
}

export type { Emulator };
