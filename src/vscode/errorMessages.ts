/** A message for the user. The API client's errors already name the request (never a token) and say what to do. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
