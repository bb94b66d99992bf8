// The one command wrapper (issue 17): typed arguments, a cancel recognized by its type stays silent, and any other
// failure is logged with the command id and shown once, with Show Log and, where it makes sense, Retry.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CancelledError, CollectionNotFoundError, ServerError } from '../../../src/core/api';
import { SettingError } from '../../../src/core/config/servers';
import { defineCommand, registerCommand } from '../../../src/vscode/commands/command';
import { CommandError, failsAs } from '../../../src/vscode/commands/commandError';
import { collectionName, entityId } from '../../../src/vscode/commands/commandParameters';
import { CancellationError, commands, resetFakeVscode, shown, window as ui } from '../fakes/vscode';
import { recordingLog, type RecordingLog } from './support/recordingLog';
import { registeredHandler, settle } from './support/registered';

let log: RecordingLog;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => { unhandled.push(reason); };

beforeEach(() => {
  resetFakeVscode();
  log = recordingLog();
  unhandled.length = 0;
  process.on('unhandledRejection', onUnhandled);
});

afterEach(async () => {
  await settle();
  process.off('unhandledRejection', onUnhandled);
  expect(unhandled).toEqual([]);
});

/** Registers bimlink.openEntity with this handler and returns what VS Code would call. */
function register(run: (...args: unknown[]) => unknown, retry = false) {
  registerCommand(defineCommand({ id: 'bimlink.openEntity', parameters: [collectionName, entityId], run, retry }), log);
  return registeredHandler('bimlink.openEntity');
}

/** The buttons of each error message shown. */
function errorButtons(): unknown[][] {
  return (ui.showErrorMessage.mock.calls as unknown[][]).map(call => call.slice(1));
}

/** Answers the next error message with this button. */
function answerError(label: string): void {
  ui.showErrorMessage.mockImplementationOnce(async (message: string) => { shown.push({ kind: 'error', message }); return label as never; });
}

const serverError = () => new ServerError({ method: 'GET', path: '/domainaccounts' }, 503, 3);

describe('the command wrapper', () => {
  it('hands the handler each argument in its shape, and undefined for one that is not', async () => {
    const run = vi.fn(async () => 'done');
    const handler = register(run);
    expect(await handler('objects', 'e1')).toBe('done');
    expect(await handler('../objects', { id: 'e1' }, 'extra')).toBe('done');
    expect(run.mock.calls).toEqual([['objects', 'e1'], [undefined, undefined]]);
  });

  it.each([
    ['VS Code\'s CancellationError', () => new CancellationError()],
    ['the API client\'s CancelledError', () => new CancelledError({ method: 'GET', path: '/x' })],
    ['a fetch aborted by a cancel', () => new DOMException('This operation was aborted', 'AbortError')],
    ['the workbench\'s cancel, which crosses as an Error named Canceled', () => Object.assign(new Error('Canceled'), { name: 'Canceled' })],
    ['a cancel wrapped as the cause of another error', () => new Error('wrapped', { cause: new CancellationError() })],
  ])('stays silent on a cancel: %s', async (_, cancel) => {
    const handler = register(async () => { throw cancel(); }, true);
    expect(await handler()).toBeUndefined();
    expect(ui.showErrorMessage).not.toHaveBeenCalled();
    expect(log.lines).toEqual(['info: bimlink.openEntity was cancelled.']);
  });

  it('is not fooled by an error that only says "Canceled"', async () => {
    const handler = register(async () => { throw new Error('Canceled'); });
    await handler();
    expect(shown).toEqual([{ kind: 'error', message: 'Canceled' }]);
  });

  it('logs a failure with the command id and shows it once with Show Log, resolving instead of rejecting', async () => {
    const handler = register(() => { throw serverError(); });
    expect(await handler()).toBeUndefined();
    const { message } = serverError();
    expect(log.lines).toEqual([`error: bimlink.openEntity failed: ${message}`]);
    expect(shown).toEqual([{ kind: 'error', message }]);
    expect(errorButtons()).toEqual([['Show Log']]);
  });

  it('shows a CommandError\'s own message, and Show Log opens the log', async () => {
    answerError('Show Log');
    const handler = register(() => failsAs(async () => { throw serverError(); }, reason => `Loading objects failed: ${reason}`));
    await handler();
    await settle();
    expect(shown).toEqual([{ kind: 'error', message: `Loading objects failed: ${serverError().message}` }]);
    expect(log.shows).toBe(1);
  });

  it('offers Retry when the command says a retry may help, and runs it again with the same parsed arguments', async () => {
    let calls = 0;
    const run = vi.fn(async () => { if (++calls === 1) throw serverError(); return 'second time'; });
    answerError('Retry');
    const handler = register(run, true);
    await handler('objects', ['not an id']);
    await settle();
    expect(errorButtons()).toEqual([['Retry', 'Show Log']]);
    expect(run.mock.calls).toEqual([['objects', undefined], ['objects', undefined]]);
    expect(ui.showErrorMessage).toHaveBeenCalledTimes(1);
  });

  it('offers no Retry when the command does not say it may help', async () => {
    const handler = register(async () => { throw serverError(); });
    await handler();
    expect(errorButtons()).toEqual([['Show Log']]);
  });

  it('lets a failure name the work Retry redoes, and reports that work\'s own failure the same way', async () => {
    const again = vi.fn(async () => { throw new CommandError('Loading objects failed again.'); });
    const run = vi.fn(async () => { throw new CommandError('Loading objects failed.', { again }, { cause: serverError() }); });
    answerError('Retry');
    const handler = register(run);
    await handler();
    await settle();
    expect(again).toHaveBeenCalledOnce();
    expect(run).toHaveBeenCalledOnce();
    expect(shown.map(s => s.message)).toEqual(['Loading objects failed.', 'Loading objects failed again.']);
    expect(log.lines).toEqual(['error: bimlink.openEntity failed: Loading objects failed.', 'error: bimlink.openEntity failed: Loading objects failed again.']);
  });

  it('offers Open Setting instead of Retry for a setting that is wrong', async () => {
    answerError('Open Setting');
    const handler = register(async () => { throw new SettingError('bimlink.apiUrl', 'Set "bimlink.apiUrl" to the address of the API.'); }, true);
    await handler();
    await settle();
    expect(errorButtons()).toEqual([['Open Setting', 'Show Log']]);
    expect(commands.executeCommand).toHaveBeenCalledWith('workbench.action.openSettings', 'bimlink.apiUrl');
  });

  it('offers another collection instead of Retry for a collection the server lacks', async () => {
    const chooseCollection = vi.fn();
    const missing = new CollectionNotFoundError({ method: 'GET', path: '/x/clashes' }, 'clashes', ['clashes']);
    answerError('Choose Another Collection');
    const handler = register(() => failsAs(async () => { throw missing; }, reason => `Loading clashes failed: ${reason}`, { again: vi.fn(), chooseCollection }), true);
    await handler();
    await settle();
    expect(errorButtons()).toEqual([['Choose Another Collection', 'Open Setting', 'Show Log']]);
    expect(chooseCollection).toHaveBeenCalledOnce();
  });

  it('reports a remedy that fails instead of leaving its rejection unhandled', async () => {
    const missing = new CollectionNotFoundError({ method: 'GET', path: '/x/clashes' }, 'clashes', ['clashes']);
    commands.executeCommand.mockImplementationOnce(async () => { throw new Error('no settings editor'); });
    answerError('Open Setting');
    const handler = register(async () => { throw missing; });
    await handler();
    await settle();
    expect(shown.map(s => s.message)).toEqual([missing.message, 'no settings editor']);
  });
});
