// oidc-provider ships no TypeScript types (and @types/oidc-provider is not installed): the
// little of its API the emulator uses, declared here.

declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export interface InteractionPrompt {
    name: 'login' | 'consent' | string;
    reasons: string[];
    details: {
      missingOIDCScope?: string[];
      missingOIDCClaims?: string[];
      missingResourceScopes?: Record<string, string[]>;
    };
  }

  export interface Interaction {
    uid: string;
    prompt: InteractionPrompt;
    params: Record<string, string | undefined>;
    session?: { accountId: string };
    grantId?: string;
  }

  export interface Grant {
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: string[]): void;
    addResourceScope(indicator: string, scope: string): void;
    save(): Promise<string>;
  }

  export interface ClientMetadataView {
    clientId: string;
    clientName?: string;
    clientAuthMethod: string;
    redirectUris: string[];
  }

  export interface InteractionResult {
    login?: { accountId: string; remember?: boolean };
    consent?: { grantId?: string };
    error?: string;
    error_description?: string;
  }

  export interface KoaContextLike {
    type: string;
    body: unknown;
    status: number;
    oidc?: { client?: ClientMetadataView; route?: string };
  }

  /** The part of a Koa context that pre-middleware (provider.use) touches. */
  export interface KoaRequestContext {
    method: string;
    path: string;
    query: Record<string, string | string[] | undefined>;
  }

  export default class Provider {
    constructor(issuer: string, configuration?: Record<string, unknown>);
    readonly issuer: string;
    proxy: boolean;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
    interactionResult(req: IncomingMessage, res: ServerResponse, result: InteractionResult, options?: { mergeWithLastSubmission?: boolean }): Promise<string>;
    on(event: string, listener: (...args: unknown[]) => void): this;
    use(middleware: (ctx: KoaRequestContext, next: () => Promise<void>) => Promise<void>): this;
    readonly Grant: {
      new (init: { accountId: string; clientId: string }): Grant;
      find(id: string): Promise<Grant | undefined>;
    };
    readonly Client: {
      find(id: string): Promise<ClientMetadataView | undefined>;
      prototype: { redirectUriAllowed(this: ClientMetadataView, value: string): boolean };
    };
  }

  export const errors: {
    InvalidTarget: new (description?: string) => Error;
  };
}
