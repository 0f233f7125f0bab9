// The code files of a folder, for the checks that read the repository's sources as text.
import { readdirSync } from 'node:fs';
import path from 'node:path';

const CODE = /\.(?:ts|mts|cts|tsx|js|mjs|cjs)$/;

/** Every code file under `dir`, as absolute paths; node_modules is not walked. */
export function codeFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && CODE.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !file.split(path.sep).includes('node_modules'));
}
