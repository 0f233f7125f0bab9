// What a `file=` meta on a code fence means, decided exactly as
// remark-code-import decides it (see node_modules/remark-code-import/dist/index.js),
// so the checks and the browser test agree with what the build embeds.
import path from 'node:path';

export interface CodeImport {
  /** The `file=...` token as written in the fence meta. */
  readonly raw: string;
  /** Absolute path of the imported file. */
  readonly absolutePath: string;
  /** First line to import (1-based); undefined means from the start. */
  readonly fromLine: number | undefined;
  /** Whether the range runs on (`#L3-` or `#L3-L6`) rather than a single line (`#L3`). */
  readonly hasDash: boolean;
  /** Last line to import (1-based, inclusive); undefined means to the end. */
  readonly toLine: number | undefined;
}

// Same pattern as remark-code-import 1.2: path, then an optional #L<from>[-][L<to>].
const FILE_META = /^file=(?<path>.+?)(?:(?:#(?:L(?<from>\d+)(?<dash>-)?)?)(?:L(?<to>\d+))?)?$/;

/** The `file=` token of a fence meta, or undefined; spaces escaped with `\` stay in the path. */
function fileMetaToken(meta: string | null | undefined): string | undefined {
  return (meta ?? '').split(/(?<!\\) /g).find((token) => token.startsWith('file='));
}

/**
 * Parse a fence meta's `file=` token relative to the MDX file that holds it.
 * Returns undefined when the meta has no `file=`; throws when it cannot be parsed.
 */
export function parseCodeImport(
  meta: string | null | undefined,
  mdxFile: string,
  rootDir: string,
): CodeImport | undefined {
  const raw = fileMetaToken(meta);
  if (raw === undefined) return undefined;
  const groups = FILE_META.exec(raw)?.groups;
  if (!groups?.path) throw new Error(`cannot parse ${raw}`);
  const fromLine = groups.from ? Number.parseInt(groups.from, 10) : undefined;
  const relative = groups.path.replace(/^<rootDir>/, rootDir).replace(/\\ /g, ' ');
  return {
    raw,
    absolutePath: path.resolve(path.dirname(mdxFile), relative),
    fromLine,
    hasDash: Boolean(groups.dash) || fromLine === undefined,
    toLine: groups.to ? Number.parseInt(groups.to, 10) : undefined,
  };
}

/** Whether the import stays inside rootDir (remark-code-import refuses it otherwise). */
export function isInside(rootDir: string, file: string): boolean {
  const relative = path.relative(rootDir, file);
  return relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

/**
 * The text remark-code-import puts in the code block: the selected lines, with
 * the file's final newline dropped when importing to the end.
 */
export function importedText(content: string, codeImport: CodeImport): string {
  const lines = content.split('\n');
  const start = codeImport.fromLine ?? 1;
  let end: number;
  if (!codeImport.hasDash) end = start;
  else if (codeImport.toLine !== undefined) end = codeImport.toLine;
  else if (lines[lines.length - 1] === '') end = lines.length - 1;
  else end = lines.length;
  return lines.slice(start - 1, end).join('\n');
}
