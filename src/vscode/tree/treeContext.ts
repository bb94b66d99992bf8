import type { BimlinkClient } from '../../core/api';

/** What every node of one signed-in tree shares: the client acting for the user, and the page size. */
export interface TreeContext {
  /** Environment and account: the first segment of every node id. */
  readonly scope: string;
  readonly client: BimlinkClient;
  readonly pageSize: number;
}
