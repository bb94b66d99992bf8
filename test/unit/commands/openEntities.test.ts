// Open Entities through its registered command: a failed load says what was being loaded, once; Retry loads the same
// page again without asking anything; a collection the server lacks offers another collection for the same source.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CollectionNotFoundError, ServerError } from '../../../src/core/api';
import type { EntityDocumentRef } from '../../../src/core/model/entityDocument';
import { registerCommand } from '../../../src/vscode/commands/command';
import { entityCommands, type EntityCommandDependencies } from '../../../src/vscode/commands/entityCommands';
import { commands, resetFakeVscode, shown, window as ui } from '../fakes/vscode';
import { recordingLog } from './support/recordingLog';
import { registeredHandler, settle } from './support/registered';

const storeySource = { domainAccountId: 'da', projectPhaseId: 'ph', storey: { id: 'st', name: '00 Begane grond' } };
const request = { method: 'GET', path: '/domainaccounts/da/projectphases/ph/objects' };

beforeEach(resetFakeVscode);

/** Registers the entity commands over documents whose every load fails with `failure`; returns Open Entities and the loads asked for. */
function openEntities(failure: Error) {
  const loads: EntityDocumentRef[] = [];
  const documents = { limitFor: async () => 100, load: async (ref: EntityDocumentRef) => { loads.push(ref); throw failure; } };
  const log = recordingLog();
  for (const command of entityCommands({ documents, log } as unknown as EntityCommandDependencies)) registerCommand(command, log);
  return { open: registeredHandler('bimlink.openEntities'), loads };
}

function answerError(label: string): void {
  ui.showErrorMessage.mockImplementationOnce(async (message: string) => { shown.push({ kind: 'error', message }); return label as never; });
}

describe('Open Entities', () => {
  it('says what failed to load, once, and Retry loads the same page without asking again', async () => {
    const failure = new ServerError(request, 503, 3);
    const { open, loads } = openEntities(failure);
    answerError('Retry');
    expect(await open(storeySource, 'objects')).toBeUndefined();
    await vi.waitFor(() => expect(loads).toHaveLength(2));
    expect(loads[1]).toEqual(loads[0]);
    expect(loads[0]).toMatchObject({ kind: 'page', collection: 'objects', storeyId: 'st', offset: 0, limit: 100 });
    await settle();
    expect(shown.map(s => s.message)).toEqual([`Loading objects of 00 Begane grond failed: ${failure.message}`, `Loading objects of 00 Begane grond failed: ${failure.message}`]);
    expect((ui.showErrorMessage.mock.calls[0] as unknown[]).slice(1)).toEqual(['Retry', 'Show Log']);
    expect(ui.showQuickPick).not.toHaveBeenCalled();
  });

  it('offers another collection of the same storey for a collection the server lacks, not Retry', async () => {
    const { open } = openEntities(new CollectionNotFoundError(request, 'clashes', ['clashes']));
    answerError('Choose Another Collection');
    await open(storeySource, 'clashes');
    await settle();
    expect((ui.showErrorMessage.mock.calls[0] as unknown[]).slice(1)).toEqual(['Choose Another Collection', 'Open Setting', 'Show Log']);
    expect(commands.executeCommand).toHaveBeenCalledWith('bimlink.openEntities', storeySource);
  });
});
