// Reads a response body with a size cap and turns it into JSON, naming what was wrong when it is not JSON
// (empty, an HTML error page from a proxy, cut off, or simply invalid).

/** Thrown for a body that cannot be used; the HTTP layer turns it into MalformedResponseError. */
export class BodyProblem extends Error {}

/** Reads the whole body as UTF-8 text; stops reading (and throws) as soon as it passes `maxBytes`. */
export async function readBodyText(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.getReader().cancel().catch(() => undefined);
    throw new BodyProblem(tooLarge(maxBytes));
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder('utf-8');
  let text = '';
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!value) continue;
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new BodyProblem(tooLarge(maxBytes));
    }
    // decoding as chunks arrive lets each chunk go at once (no second copy of the whole body)
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

const tooLarge = (maxBytes: number): string =>
  `the body is larger than ${maxBytes >= 1024 * 1024 ? `${Math.round(maxBytes / (1024 * 1024))} MB` : `${Math.round(maxBytes / 1024)} KB`}`;

/** Parses a JSON body, or throws BodyProblem saying plainly what came instead. */
export function parseJsonText(text: string, contentType: string | null): unknown {
  const start = firstNonSpace(text);
  if (start === undefined) throw new BodyProblem('the body was empty where JSON was expected');
  if (text[start] === '<' || /\bhtml\b/i.test(contentType ?? '')) {
    throw new BodyProblem('an HTML page came instead of JSON (a proxy or login page may be in the way)');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new BodyProblem(`the body is not valid JSON${text.length > 0 && !/[\]}]\s*$/.test(text) ? ' (it looks cut off)' : ''}`);
  }
}

function firstNonSpace(text: string): number | undefined {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09 && c !== 0xfeff) return i;
  }
  return undefined;
}
