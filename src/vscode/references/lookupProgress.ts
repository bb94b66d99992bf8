// One entity by id through the EntityLookup, for single-entity documents. Where the server has no route for one
// entity, the lookup scans the collection: when that takes more than the one page, a cancellable notification shows
// how far it got (a small collection is read in one page and shows nothing).
import * as vscode from 'vscode';
import type { CollectionScope, Entity } from '../../core/api';
import { childController } from '../../core/api/abort';
import type { EntityLookup } from '../../core/references/entityLookup';
import { literalText } from '../../core/text/untrustedText';
import { countProgress } from '../feedback/countProgress';

export async function lookUpWithProgress(lookup: EntityLookup, scope: CollectionScope, id: string, signal: AbortSignal): Promise<Entity> {
  const { controller, dispose } = childController(signal);
  let state: 'quiet' | 'shown' | 'done' = 'quiet';
  let finish = (): void => undefined;
  let report = (_count: number, _total: number | undefined): void => undefined;
  let known: number | undefined;
  const onProgress = (count: number, told: number | undefined): void => {
    const total = known = told ?? known; // a server may leave the total off the last page
    if (state === 'quiet' && (total === undefined || count < total)) {
      state = 'shown';
      void vscode.window.withProgress({
        location: vscode.ProgressLocation.Notification, cancellable: true,
        title: literalText(`Looking for ${scope.collection} ${id}: this server opens no single entity of ${scope.collection}, so the collection is searched`),
      }, (progress, token) => {
        token.onCancellationRequested(() => controller.abort());
        const counting = countProgress(progress);
        report = (read, of) => counting(read, of, count => `${count} read`);
        report(count, total);
        return state === 'done' ? Promise.resolve() : new Promise<void>(resolve => { finish = resolve; });
      });
    } else report(count, total);
  };
  try {
    const entity = await lookup.get(scope, id, { signal: controller.signal, onProgress });
    if (!entity) throw new Error(`No ${scope.collection} entity has the id ${id} in this project phase: it may have been removed, or it is not visible to you.`);
    return entity;
  } finally {
    state = 'done';
    finish();
    dispose();
  }
}
