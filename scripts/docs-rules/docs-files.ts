// The MDX pages the rules apply to. Node 20 has no fs.glob, but a recursive
// readdir is enough for one docs folder.
import { readdir } from 'node:fs/promises';
import path from 'node:path';

export async function listMdxFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.mdx'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}
