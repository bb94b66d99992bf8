import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Every log file VS Code wrote in this run (the extension's output channel among them), as one text. */
export function allLogText(): string {
  const root = process.env.BIMLINK_TEST_LOGS_DIR;
  if (!root) throw new Error('BIMLINK_TEST_LOGS_DIR is not set: run the suites through test/vscode/harness/run.ts.');
  const texts: string[] = [];
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else { files.push(file); texts.push(readFileSync(file, 'utf8')); }
    }
  };
  walk(root);
  if (process.env.BIMLINK_TEST_LIST_LOGS) console.log(files.join('\n'));
  return texts.join('\n');
}
