// A LogOutputChannel for unit tests that keeps what was logged, as `level: message` lines, and counts Show Log.
import type * as vscode from 'vscode';

export interface RecordingLog extends vscode.LogOutputChannel {
  readonly lines: string[];
  readonly shows: number;
}

export function recordingLog(): RecordingLog {
  const lines: string[] = [];
  let shows = 0;
  const record = (level: string) => (message: string | Error) => { lines.push(`${level}: ${String(message instanceof Error ? message.message : message)}`); };
  const log = {
    lines,
    get shows() { return shows; },
    trace: record('trace'), debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error'),
    show: () => { shows++; },
  };
  return log as unknown as RecordingLog;
}
