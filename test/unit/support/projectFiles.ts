// The project's files as tests look at them: paths from the project's root.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../../..', import.meta.url));

export interface ProjectEntry {
  /** From the project's root, with `/` between parts. */
  readonly path: string;
  readonly name: string;
  readonly isFile: boolean;
}

/** Every file and folder under a folder of the project, depth first. */
export function entriesUnder(folder: string): ProjectEntry[] {
  return readdirSync(path.join(projectRoot, folder), { withFileTypes: true }).flatMap(entry => {
    const relative = `${folder}/${entry.name}`;
    const here = { path: relative, name: entry.name, isFile: entry.isFile() };
    return entry.isDirectory() ? [here, ...entriesUnder(relative)] : [here];
  });
}

/** The TypeScript files under a folder of the project, as paths from the project's root. */
export function sourceFiles(folder: string): string[] {
  return entriesUnder(folder).filter(entry => entry.isFile && entry.name.endsWith('.ts')).map(entry => entry.path);
}
