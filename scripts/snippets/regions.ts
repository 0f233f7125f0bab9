/**
 * Snippet regions, in the style of Bluehawk: docs import code that is cut from
 * tested files by NAMED regions, so editing a tested file can never silently
 * shift a snippet the way line-number imports do.
 *
 * Markers are whole-line comments in any of the syntaxes `//`, `#`, `--`:
 *
 *   // :snippet-start: NAME     … // :snippet-end:      (NAME: [a-z0-9-]+)
 *
 * A file may hold several regions, one after another; they do not nest, and
 * every line between the markers is shown. Everything here is pure (strings
 * in, strings out); the filesystem side lives in tree.ts so these rules can be
 * tested without touching disk.
 */

/** Extensions we treat as text sources; anything else under examples/ is left alone. */
const SOURCE_EXTENSIONS: readonly string[] = [
  '.mjs',
  '.js',
  '.ts',
  '.sh',
  '.yaml',
  '.yml',
  '.sql',
  '.txt',
];

const REGION_NAME = /^[a-z0-9-]+$/;

// The leading `\s*` lets markers sit inside indented code; the trailing group is
// the optional argument (region name). Only whole-line markers are recognised
// so that a marker can never leak half a line into the output.
const MARKER_LINE = /^\s*(?:\/\/|#|--)\s*:(snippet-start|snippet-end):\s*(.*?)\s*$/;
// Anything that looks like a marker but is not a whole-line snippet marker is a
// mistake: `foo(); // :snippet-end:` would leak half a line, and a Bluehawk
// marker this extractor does not read (`// :remove-start:`) would be published
// as it stands, inside the snippet.
const MARKER_ANYWHERE = /:([a-z]+-(?:start|end)):/;

export class SnippetError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
    this.name = 'SnippetError';
  }
}

interface OpenRegion {
  name: string;
  line: number;
  body: string[];
}

/**
 * Parses markers and cuts regions: region name → dedented content, ending in a newline, in order
 * of appearance; none for a file without regions. `file` is only used in error messages, so
 * callers pass whatever path a person can click on.
 */
export function extractRegions(source: string, file = '<input>'): Map<string, string> {
  // Generated files are always LF: a CRLF checkout must not make them "stale".
  const lines = source.split(/\r?\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();

  const regions = new Map<string, string>();
  const seen = new Map<string, number>();
  let open: OpenRegion | null = null;

  for (const [index, text] of lines.entries()) {
    const lineNo = index + 1;
    const marker = MARKER_LINE.exec(text);
    if (!marker) {
      const lookalike = MARKER_ANYWHERE.exec(text)?.[1];
      if (lookalike === 'snippet-start' || lookalike === 'snippet-end') {
        throw new SnippetError(
          file,
          lineNo,
          'marker must be alone on its line, as a comment (//, # or --)',
        );
      }
      if (lookalike !== undefined) {
        throw new SnippetError(
          file,
          lineNo,
          `:${lookalike}: is not a marker here: only :snippet-start: NAME and :snippet-end: are`,
        );
      }
      open?.body.push(text);
      continue;
    }

    const kind = marker[1];
    const arg = marker[2] ?? '';

    if (kind === 'snippet-start') {
      if (open) {
        throw new SnippetError(
          file,
          lineNo,
          `region "${arg}" starts inside region "${open.name}" (opened at line ${open.line}): regions do not nest`,
        );
      }
      if (!REGION_NAME.test(arg)) {
        throw new SnippetError(
          file,
          lineNo,
          `region name "${arg}" must match ${REGION_NAME.source}`,
        );
      }
      const previous = seen.get(arg);
      if (previous !== undefined) {
        throw new SnippetError(
          file,
          lineNo,
          `duplicate region "${arg}" (first opened at line ${previous})`,
        );
      }
      seen.set(arg, lineNo);
      open = { name: arg, line: lineNo, body: [] };
      continue;
    }

    if (!open) throw new SnippetError(file, lineNo, ':snippet-end: without an open region');
    if (arg !== '') {
      throw new SnippetError(
        file,
        lineNo,
        `:snippet-end: takes no name, got "${arg}" (it closes region "${open.name}", opened at line ${open.line})`,
      );
    }
    if (open.body.every((l) => l.trim() === '')) {
      // An empty snippet in the docs is almost always a misplaced marker.
      throw new SnippetError(file, open.line, `region "${open.name}" is empty`);
    }
    regions.set(open.name, dedent(trimBlankEdges(open.body)).join('\n') + '\n');
    open = null;
  }

  if (open)
    throw new SnippetError(
      file,
      open.line,
      `region "${open.name}" is never closed by :snippet-end:`,
    );
  return regions;
}

/** Removes the longest whitespace prefix shared by all non-blank lines; blank lines become empty. */
export function dedent(lines: readonly string[]): string[] {
  let prefix: string | null = null;
  for (const line of lines) {
    if (line.trim() === '') continue;
    const indent = /^\s*/.exec(line)?.[0] ?? '';
    if (prefix === null) {
      prefix = indent;
      continue;
    }
    // Compare character by character so mixed tabs/spaces only share what is truly common.
    let i = 0;
    while (i < prefix.length && i < indent.length && prefix[i] === indent[i]) i++;
    prefix = prefix.slice(0, i);
  }
  const cut = prefix?.length ?? 0;
  return lines.map((line) => (line.trim() === '' ? '' : line.slice(cut)));
}

// Blank lines just inside the markers are layout in the source, not part of the snippet.
function trimBlankEdges(lines: readonly string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]?.trim() === '') start++;
  while (end > start && lines[end - 1]?.trim() === '') end--;
  return lines.slice(start, end);
}

export function isSourcePath(relPath: string): boolean {
  const ext = extname(relPath);
  return SOURCE_EXTENSIONS.includes(ext);
}

/**
 * Output paths, relative to the generated directory, for a source path relative
 * to the examples root (always `/`-separated): `steps/02-role.mjs` with region
 * `commands` → `steps/02-role.commands.mjs`. One file per region and nothing
 * else: the pages import regions, and a page that shows a whole file imports
 * the file itself, so a stripped copy of it would be read by nobody.
 */
export function generatedFiles(
  relPath: string,
  regions: ReadonlyMap<string, string>,
): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, content] of regions) out.set(regionFile(relPath, name), content);
  return out;
}

/** The generated file of one region of a source, both relative as in generatedFiles. */
export function regionFile(relPath: string, region: string): string {
  const ext = extname(relPath);
  return `${relPath.slice(0, relPath.length - ext.length)}.${region}${ext}`;
}

// Not node:path, to keep this module free of platform behaviour.
function extname(relPath: string): string {
  const base = relPath.slice(relPath.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot) : '';
}
