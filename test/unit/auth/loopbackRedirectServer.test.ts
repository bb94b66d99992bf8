import { createServer } from 'node:net';
import { networkInterfaces } from 'node:os';
import { freePort } from '../support/freePort';
import { describe, expect, it } from 'vitest';
import { LoopbackPortBusyError, startLoopbackRedirectServer } from '../../../src/core/auth/loopbackRedirectServer';

const byState = (state: string) => (query: URLSearchParams) => query.get('state') === state ? 'accept' as const : 'ignore' as const;

describe('loopback redirect server', () => {
  it('refuses a redirect with a wrong state, takes the right one, then closes', async () => {
    const port = await freePort();
    const server = await startLoopbackRedirectServer(`http://127.0.0.1:${port}/callback`, byState('good'));
    const wrong = await fetch(`http://127.0.0.1:${port}/callback?code=x&state=bad`);
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('does not belong to the sign-in that VS Code started');
    const notFound = await fetch(`http://127.0.0.1:${port}/other?code=x&state=good`);
    expect(notFound.status).toBe(404);
    await notFound.text();
    const right = await fetch(`http://127.0.0.1:${port}/callback?code=the-code&state=good`);
    expect(right.status).toBe(200);
    expect(await right.text()).toContain('You are signed in to BIMlink');
    expect((await server.received).get('code')).toBe('the-code');
    await server.close();
    await expect(fetch(`http://127.0.0.1:${port}/callback?code=again&state=good`)).rejects.toThrow();
  });

  it('settles with the error that accept returns, and closes', async () => {
    const port = await freePort();
    const server = await startLoopbackRedirectServer(`http://127.0.0.1:${port}/cb`, () => new Error('access was denied.'));
    const response = await fetch(`http://127.0.0.1:${port}/cb?error=access_denied&state=s`);
    expect(response.status).toBe(400);
    await response.text();
    await expect(server.received).rejects.toThrow('access was denied.');
    await server.close();
  });

  it('answers on 127.0.0.1 only', async () => {
    const port = await freePort();
    const server = await startLoopbackRedirectServer(`http://127.0.0.1:${port}/callback`, byState('s'));
    const other = Object.values(networkInterfaces()).flat().find(a => a && a.family === 'IPv4' && !a.internal)?.address;
    if (other) await expect(fetch(`http://${other}:${port}/callback?state=s&code=c`)).rejects.toThrow();
    await expect(fetch(`http://[::1]:${port}/callback?state=s&code=c`)).rejects.toThrow();
    await server.close();
  });

  it('says clearly when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>(resolve => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as { port: number };
    try {
      const error = await startLoopbackRedirectServer(`http://127.0.0.1:${port}/callback`, byState('s')).catch(e => e);
      expect(error).toBeInstanceOf(LoopbackPortBusyError);
      expect(error.message).toContain(`Port ${port} on 127.0.0.1 is in use`);
      expect(error.message).toContain('bimlink.redirectUri');
    } finally {
      await new Promise(resolve => blocker.close(resolve));
    }
  });
});
