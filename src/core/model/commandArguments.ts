import { collectionPattern, isPlausibleId } from './entityDocument';

/**
 * What a command takes from its caller. A caller may be a script, or a command link whose arguments are plain JSON
 * from wherever the link came from, so each argument is read as exactly one shape: anything else is ignored, and the
 * command asks the user as if it had been run without it.
 */

/** Where entities come from: a phase, or one storey of it. */
export interface EntitySource {
  readonly domainAccountId: string;
  readonly projectPhaseId: string;
  readonly storey?: { readonly id: string; readonly name: string };
}

/** `{ domainAccountId, projectPhaseId, storey?: { id, name? } }` with ids that are non-blank strings; a copy holding only those. */
export function entitySourceOf(value: unknown): EntitySource | undefined {
  if (!isRecord(value)) return undefined;
  const { domainAccountId, projectPhaseId, storey } = value;
  if (!isIdArgument(domainAccountId) || !isIdArgument(projectPhaseId)) return undefined;
  if (storey === undefined) return { domainAccountId, projectPhaseId };
  if (!isRecord(storey)) return undefined;
  const { id, name } = storey;
  if (!isIdArgument(id) || (name !== undefined && typeof name !== 'string')) return undefined;
  return { domainAccountId, projectPhaseId, storey: { id, name: name?.trim() || id } };
}

/** A collection's name as the API's paths spell it. */
export function collectionArgument(value: unknown): string | undefined {
  return typeof value === 'string' && collectionPattern.test(value) ? value : undefined;
}

/** An entity's id. */
export function idArgument(value: unknown): string | undefined {
  return isIdArgument(value) ? value : undefined;
}

function isIdArgument(value: unknown): value is string {
  return isPlausibleId(value) && value.trim() !== '';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
