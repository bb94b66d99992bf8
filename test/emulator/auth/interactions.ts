// The login interaction oidc-provider hands the browser to: a real email + password form, or
// (for tests) an automatic login. Consent is granted automatically: the demo grants every
// requested scope, which is also what makes oidc-provider issue refresh tokens for
// `offline_access`.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type Provider from 'oidc-provider';
import type { Interaction } from 'oidc-provider';
import { DEMO_USERS, findUserByEmail } from '../data/users';
import { INTERACTION_PATH } from './oidc';
import { errorPage, loginPage } from './pages';

export interface InteractionOptions {
  readonly provider: Provider;
  /** The email to log in without the form, or undefined for the form. */
  readonly autoLogin: () => string | undefined;
}

type UidParams = { uid: string };

export function registerInteractions(app: FastifyInstance, options: InteractionOptions): void {
  const { provider } = options;

  app.get<{ Params: UidParams }>(`${INTERACTION_PATH}/:uid`, async (request, reply) => {
    const details = await detailsOrError(provider, request, reply);
    if (!details) return reply;
    if (details.prompt.name === 'consent') return finish(provider, request, reply, { consent: { grantId: await grantAll(provider, details) } });
    const auto = options.autoLogin();
    const autoUser = auto ? findUserByEmail(auto) : undefined;
    if (autoUser) return finish(provider, request, reply, { login: { accountId: autoUser.sub } });
    return renderLogin(provider, reply, details);
  });

  app.post<{ Params: UidParams; Body: Record<string, string | undefined> }>(`${INTERACTION_PATH}/:uid`, async (request, reply) => {
    const details = await detailsOrError(provider, request, reply);
    if (!details) return reply;
    const email = request.body?.['email'] ?? '';
    const user = findUserByEmail(email);
    if (!user || user.password !== (request.body?.['password'] ?? '')) {
      return renderLogin(provider, reply, details, email, 'Invalid email or password.');
    }
    return finish(provider, request, reply, { login: { accountId: user.sub } });
  });

  app.post<{ Params: UidParams }>(`${INTERACTION_PATH}/:uid/abort`, async (request, reply) => {
    const details = await detailsOrError(provider, request, reply);
    if (!details) return reply;
    return finish(provider, request, reply, { error: 'access_denied', error_description: 'End-User aborted interaction' });
  });
}

async function detailsOrError(provider: Provider, request: FastifyRequest<{ Params: UidParams }>, reply: FastifyReply): Promise<Interaction | undefined> {
  try {
    const details = await provider.interactionDetails(request.raw, reply.raw);
    if (details.uid === request.params.uid) return details;
  } catch {
    // No or expired interaction cookie: fall through.
  }
  reply.code(400).type('text/html; charset=utf-8').send(errorPage('invalid_request', 'This sign-in attempt has expired or is unknown. Start signing in again from the application.'));
  return undefined;
}

async function finish(provider: Provider, request: FastifyRequest, reply: FastifyReply, result: Parameters<Provider['interactionResult']>[2]): Promise<FastifyReply> {
  const returnTo = await provider.interactionResult(request.raw, reply.raw, result, { mergeWithLastSubmission: true });
  return reply.redirect(returnTo, 303);
}

async function grantAll(provider: Provider, details: Interaction): Promise<string> {
  const { missingOIDCScope, missingOIDCClaims, missingResourceScopes } = details.prompt.details;
  const existing = details.grantId ? await provider.Grant.find(details.grantId) : undefined;
  const grant = existing ?? new provider.Grant({ accountId: details.session!.accountId, clientId: details.params['client_id']! });
  if (missingOIDCScope) grant.addOIDCScope(missingOIDCScope.join(' '));
  if (missingOIDCClaims) grant.addOIDCClaims(missingOIDCClaims);
  for (const [indicator, scopes] of Object.entries(missingResourceScopes ?? {})) grant.addResourceScope(indicator, scopes.join(' '));
  return grant.save();
}

async function renderLogin(provider: Provider, reply: FastifyReply, details: Interaction, email?: string, error?: string): Promise<FastifyReply> {
  const action = `${INTERACTION_PATH}/${details.uid}`;
  const clientId = details.params['client_id'] ?? '';
  const clientName = (await provider.Client.find(clientId))?.clientName ?? clientId;
  return reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-store').send(
    loginPage({ action, abortAction: `${action}/abort`, clientName, email, error, users: DEMO_USERS }),
  );
}
