// A minimal browser-like cookie jar for driving the login flow with fetch: stores Set-Cookie
// per name and path, drops expired cookies, and sends those whose path matches.

interface StoredCookie {
  readonly name: string;
  readonly value: string;
  readonly path: string;
}

export class CookieJar {
  readonly #cookies = new Map<string, StoredCookie>();

  /** Takes the Set-Cookie headers of a response to a request for `url`. */
  store(url: string | URL, response: Response): void {
    const requestPath = new URL(url).pathname;
    for (const header of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      let path = requestPath.slice(0, requestPath.lastIndexOf('/')) || '/';
      let expired = false;
      for (const attribute of attributes) {
        const [key = '', val = ''] = attribute.split('=');
        const lower = key.toLowerCase();
        if (lower === 'path') path = val || '/';
        if (lower === 'max-age' && Number(val) <= 0) expired = true;
        if (lower === 'expires' && Date.parse(val) <= Date.now()) expired = true;
      }
      const key = `${name};${path}`;
      if (expired) this.#cookies.delete(key);
      else this.#cookies.set(key, { name, value, path });
    }
  }

  /** The Cookie header for a request to `url` (empty when none apply). */
  header(url: string | URL): string {
    const path = new URL(url).pathname;
    return [...this.#cookies.values()]
      .filter((c) => path === c.path || path.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`))
      .sort((a, b) => b.path.length - a.path.length)
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }
}
