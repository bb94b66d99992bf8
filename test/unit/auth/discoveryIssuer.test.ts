// Security review, item 8: the discovery document must name the authority it was read from as its issuer.
import { afterEach, describe, expect, it } from 'vitest';
import { discoverEndpoints, IssuerMismatchError } from '../../../src/core/auth/discovery';
import { sendJson, startStubAuthServer, type StubAuthServer } from './support/stubAuthServer';

let server: StubAuthServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A sign-in server whose discovery document names `issuer(origin)` as its issuer. */
async function serving(issuer: (origin: string) => string | undefined): Promise<string> {
  server = await startStubAuthServer((_, response) => sendJson(response, {
    issuer: issuer(server!.url),
    token_endpoint: `${server!.url}/connect/token`,
  }));
  return server.url;
}

describe('discovery checks the issuer', () => {
  it.each([
    ['another host', () => 'https://login.evil.example'],
    ['another port', (origin: string) => origin.replace(/:(\d+)$/, (_, port: string) => `:${Number(port) + 1}`)],
    ['a path below the authority', (origin: string) => `${origin}/tenant`],
  ])('refuses a document naming %s, and says which issuer was expected and which came', async (_, issuer) => {
    const authority = await serving(issuer);
    const error = await discoverEndpoints(fetch, authority).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IssuerMismatchError);
    expect((error as IssuerMismatchError).expected).toBe(authority);
    expect((error as IssuerMismatchError).received).toBe(issuer(authority));
    expect((error as Error).message).toContain(`names the issuer "${issuer(authority)}", but "${authority}" was expected`);
  });

  it('takes its own authority, keeping the document\'s trailing slash for the tokens\' iss', async () => {
    const authority = await serving(origin => `${origin}/`);
    expect((await discoverEndpoints(fetch, authority)).issuer).toBe(`${authority}/`);
  });

  it('takes the authority when the document names no issuer', async () => {
    const authority = await serving(() => undefined);
    expect((await discoverEndpoints(fetch, authority)).issuer).toBe(authority);
  });
});
