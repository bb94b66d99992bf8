// How far a long read has got, on a progress notification: the count in words, and the bar moved by the share read.
import type * as vscode from 'vscode';

/** Reports a count: `describe` words it ("1,200 of 2,500", or "1,200" while the total is unknown) into the message. */
export type CountReport = (read: number, total: number | undefined, describe: (count: string) => string) => void;

export function countProgress(progress: vscode.Progress<{ message?: string; increment?: number }>): CountReport {
  let shown = 0;
  return (read, total, describe) => {
    const percent = total ? Math.min(100, Math.floor((read / total) * 100)) : 0;
    const count = total === undefined ? read.toLocaleString('en') : `${read.toLocaleString('en')} of ${total.toLocaleString('en')}`;
    progress.report({ message: describe(count), increment: percent - shown });
    shown = percent;
  };
}
