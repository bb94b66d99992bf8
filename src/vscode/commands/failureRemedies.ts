import * as vscode from 'vscode';
import { CollectionNotFoundError } from '../../core/api';
import { SettingError } from '../../core/config/servers';
import { causeOfType } from '../feedback/errorMessages';
import { CommandError } from './commandError';

/** A button on a failure's message, and what it does. */
export interface Remedy {
  readonly label: string;
  readonly run: () => unknown;
}

/**
 * What a failure offers besides Show Log, by the type of what went wrong: a setting opens the setting (trying again
 * cannot help); a collection the server lacks offers another collection (refreshing cannot help); anything else may
 * pass, so Retry, when the failure names work to redo or the command says running it again may help.
 */
export function remediesFor(error: unknown, rerun: (() => unknown) | undefined): Remedy[] {
  const { again, chooseCollection } = error instanceof CommandError ? error.remedies : {};
  const setting = causeOfType(error, SettingError);
  if (setting) return [openSetting(setting.setting)];
  if (causeOfType(error, CollectionNotFoundError)) {
    return [...chooseCollection ? [{ label: 'Choose Another Collection', run: chooseCollection }] : [], openSetting('bimlink.collections')];
  }
  const retry = again ?? rerun;
  return retry ? [{ label: 'Retry', run: retry }] : [];
}

function openSetting(setting: string): Remedy {
  return { label: 'Open Setting', run: () => vscode.commands.executeCommand('workbench.action.openSettings', setting) };
}
