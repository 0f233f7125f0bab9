/** A short, stable hash of an image's recipe: the files that build it and the pins it uses. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export function recipeHash(files: readonly string[], pins: unknown): string {
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(file.replace(/^.*\/scripts\//, 'scripts/'));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  hash.update(JSON.stringify(pins));
  return hash.digest('hex').slice(0, 12);
}
