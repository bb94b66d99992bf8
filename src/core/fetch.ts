// The one fetch type of the extension: the Fetch API as the extension host provides it (VS Code patches it for
// proxies and certificates). The API client and the sign-in requests both take it; tests pass the global fetch.

export type Fetch = (url: string, init?: RequestInit) => Promise<Response>;
