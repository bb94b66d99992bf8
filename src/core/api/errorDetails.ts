// Reads what the server says about a failure: the Bearer challenge of a 401 and ProblemDetails (RFC 9457) bodies.

export interface BearerChallenge {
  error?: string;
  description?: string;
}

/** Parses `Bearer error="invalid_token", error_description="The token expired"` (quoted or token values). */
export function parseBearerChallenge(header: string | null | undefined): BearerChallenge {
  if (!header) return {};
  const bearer = /(?:^|,)\s*Bearer\b(.*)$/i.exec(header);
  const params = bearer ? bearer[1] : header;
  const out: BearerChallenge = {};
  const re = /([A-Za-z_][\w-]*)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))/g;
  for (let m = re.exec(params); m; m = re.exec(params)) {
    const value = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3];
    const key = m[1].toLowerCase();
    if (key === 'error') out.error = value;
    else if (key === 'error_description') out.description = value;
  }
  return out;
}

/** The reason a user should read: the description if any, else the error code. */
export function bearerReason(challenge: BearerChallenge): string | undefined {
  return challenge.description || challenge.error || undefined;
}

export interface ProblemSummary {
  /** "title: detail", or whichever of them exists. */
  text?: string;
  fieldErrors: Record<string, string[]>;
}

/** Summarises a ProblemDetails body (ASP.NET's ValidationProblemDetails too); tolerant of anything else. */
export function summarizeProblem(body: unknown): ProblemSummary {
  const fieldErrors: Record<string, string[]> = {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { fieldErrors };
  const record = body as Record<string, unknown>;
  const pick = (name: string): string | undefined => {
    const key = Object.keys(record).find(k => k.toLowerCase() === name);
    const value = key === undefined ? undefined : record[key];
    return typeof value === 'string' && value.trim() ? value.trim() : undefined;
  };
  const errorsKey = Object.keys(record).find(k => k.toLowerCase() === 'errors');
  const errors = errorsKey === undefined ? undefined : record[errorsKey];
  if (typeof errors === 'object' && errors !== null && !Array.isArray(errors)) {
    for (const [field, messages] of Object.entries(errors)) {
      const list = (Array.isArray(messages) ? messages : [messages]).filter((m): m is string => typeof m === 'string');
      if (list.length) fieldErrors[field] = list;
    }
  }
  const title = pick('title');
  const detail = pick('detail');
  const fields = Object.entries(fieldErrors).map(([f, m]) => `${f}: ${m.join(' ')}`).join('; ');
  const parts = [title, detail && detail !== title ? detail : undefined, fields || undefined].filter(Boolean);
  return { text: parts.length ? parts.join(' — ') : undefined, fieldErrors };
}
