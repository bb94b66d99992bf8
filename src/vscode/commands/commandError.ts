import { describeError, isCancellation } from '../feedback/errorMessages';

/** What a failure may offer besides Show Log; the command wrapper picks the buttons by the type of what went wrong. */
export interface FailureRemedies {
  /** Does the failed work again with what the user already chose (Retry). */
  readonly again?: () => unknown;
  /** Runs the command again on the same phase or storey, asking only for the collection (a collection the server lacks). */
  readonly chooseCollection?: () => unknown;
}

/** A command's failure as the user reads it: the message says what was being done and why it failed. */
export class CommandError extends Error {
  constructor(message: string, readonly remedies: FailureRemedies = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CommandError';
  }
}

/**
 * Runs `work`; a failure becomes a CommandError whose message `explain` writes around the reason. A cancel stays what
 * it is, so the wrapper keeps it silent.
 */
export async function failsAs<T>(work: () => PromiseLike<T>, explain: (reason: string) => string, remedies?: FailureRemedies): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw isCancellation(error) ? error : new CommandError(explain(describeError(error)), remedies, { cause: error });
  }
}
