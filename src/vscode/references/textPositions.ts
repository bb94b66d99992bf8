import * as vscode from 'vscode';

/** Positions of UTF-16 offsets in a text that is no document (yet): its line starts are found once. */
export function positionsIn(text: string): (offset: number) => vscode.Position {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return offset => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return new vscode.Position(low, offset - starts[low]!);
  };
}
