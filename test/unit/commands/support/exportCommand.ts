// Test support: Export Entities registered through the command wrapper, over a server whose reads are given (each
// read a list of pages; an Error ends that read with it).
import type { Entity, Page } from '../../../../src/core/api';
import { registerCommand } from '../../../../src/vscode/commands/command';
import { entityCommands, type EntityCommandDependencies } from '../../../../src/vscode/commands/entityCommands';
import type { RecordingLog } from './recordingLog';
import { registeredHandler } from './registered';

export function exportCommand(log: RecordingLog, ...reads: (Page<Entity> | Error)[][]) {
  const documents = {
    maxLimitFor: async () => 2,
    client: () => ({
      entityPages: async function* () {
        for (const next of reads.shift() ?? []) {
          if (next instanceof Error) throw next;
          yield next;
        }
      },
    }),
  };
  for (const command of entityCommands({ documents, log } as unknown as EntityCommandDependencies)) registerCommand(command, log);
  return registeredHandler('bimlink.exportEntities');
}
