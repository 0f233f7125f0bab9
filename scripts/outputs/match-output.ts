/**
 * The ONE matcher for recorded command outputs. Recorded files keep the real
 * values (the docs show them); both sides are redacted with the same rules at
 * compare time, so a later run with other pids, LSNs, IPs and timestamps still
 * matches while any change a reader would notice does not. One set of
 * recordings serves both profiles (FerretDB's published images and the same
 * versions built here), so what legitimately differs between two builds of one
 * version set is redacted too: PostgreSQL's minor version, packaging and
 * compiler, and the image names in docker compose's progress lines.
 *
 * Every rule is as narrow as its purpose: a value a reader would act on (a
 * pg_hba address, a WAL timeline, an exit status) is compared to the letter,
 * and a lag in bytes as caught up or behind (see 'lag-bytes').
 */
import { createTwoFilesPatch } from 'diff';

export interface RedactionRule {
  name: string;
  pattern: RegExp;
  replacement: string;
}

/**
 * The wildcard of a recording (the expected side only): a line that is exactly
 * `...` matches zero or more whole lines, and `...` inside a line matches any
 * run of characters within that line. A real output line holding it would be
 * recorded as a wildcard, so record mode refuses it (see wildcardLines).
 */
export const ELLIPSIS = '...';

/**
 * The lines of a text that the matcher would read as wildcards if the text were
 * a recording, numbered from 1 as an editor shows them.
 */
export function wildcardLines(text: string): { line: number; text: string }[] {
  return text
    .split('\n')
    .flatMap((line, index) => (line.includes(ELLIPSIS) ? [{ line: index + 1, text: line }] : []));
}

/**
 * Applied in order to the whole text. Order matters: timestamps go before
 * intervals (a timestamp contains a time of day), ObjectId(...) before bare
 * 24-hex ids (to keep the wrapper visible in diffs), WAL segment names before
 * bare ObjectIds (an all-digit segment name is also 24 hex digits).
 * IPv4 addresses are not here: whether one is volatile depends on where it
 * stands (see redactContainerAddresses).
 */
export const REDACTIONS: readonly RedactionRule[] = [
  // mongosh: ISODate('2024-10-29T21:55:49.795Z'); the wrapper stays so its type is still checked.
  {
    name: 'mongo-isodate',
    pattern: /ISODate\((['"])[^'"]*\1\)/g,
    replacement: "ISODate('<timestamp>')",
  },
  // ISO 8601 as printed by JS, Go and most logs: 2024-10-29T21:55:49.795Z, …+02:00.
  {
    name: 'iso-timestamp',
    pattern: /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}(?::?\d{2})?)?/g,
    replacement: '<timestamp>',
  },
  // PostgreSQL timestamptz: 2024-11-01 16:42:23.561418+00 (fraction and zone optional).
  {
    name: 'pg-timestamp',
    pattern: /\b\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[+-]\d{2}(?::?\d{2})?)?/g,
    replacement: '<timestamp>',
  },
  // Replication lags and other intervals: 00:00:00.000123. Runs after the timestamp rules.
  { name: 'interval', pattern: /\b\d{2,}:\d{2}:\d{2}(?:\.\d+)?\b/g, replacement: '<interval>' },
  // PostgreSQL's version where it names itself: `psql (17.12 (Debian 17.12-1.pgdg120+1))`,
  // `psql (PostgreSQL) 17.5`, `…, server 17.5 (…))`, `PostgreSQL 17.12 on x86_64-pc-linux-gnu, …`.
  // FerretDB's image and the one built here carry other minor releases of one major, packaged
  // differently: the major stays compared, the minor and the `(Debian …)` suffix go.
  {
    name: 'pg-version',
    pattern: /(?<=\bPostgreSQL\)? |\bpsql \(|, server )(\d{2,})\.\d+(?: \([A-Za-z][^()\n]*\))?/g,
    replacement: '$1.<minor>',
  },
  // version()'s compiler, `compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`: the builds use
  // other Debian releases. The platform before it and the word size after it stay compared.
  {
    name: 'pg-compiler',
    pattern: /(?<=\bPostgreSQL \d+\.<minor> on [^\s,]+, compiled by )[^\n]*?(?=, \d+-bit\b)/g,
    replacement: '<compiler>',
  },
  // mongosh ObjectId('672159e5a6caf9a94afa26b9'): new for every insert.
  {
    name: 'mongo-objectid',
    pattern: /ObjectId\((['"])[0-9a-fA-F]{24}\1\)/g,
    replacement: "ObjectId('<objectid>')",
  },
  // WAL segment names, 000000010000000000000003: timeline, then the segment's place in the WAL,
  // upper-case hex. The timeline stays compared (a promotion or a rewind changes it, and a reader
  // must see that); the place is an LSN's high bits and as volatile as an LSN (how much WAL
  // initdb, the extensions and the earlier steps wrote). A timeline below 0x10000 starts with
  // 0000; an ObjectId never does (its first 8 digits are seconds since 1970), so the two cannot
  // be confused.
  {
    name: 'wal-segment',
    pattern: /\b(0000[0-9A-F]{4})[0-9A-F]{16}\b/g,
    replacement: '$1<segment>',
  },
  // Bare ObjectIds (JSON output, log lines). \b keeps longer hashes (git, sha256) intact.
  { name: 'hex-objectid', pattern: /\b[0-9a-f]{24}\b/g, replacement: '<objectid>' },
  // The pid in the name of the temporary file a WAL writer creates, pg_wal/xlogtemp.18, which a
  // "No space left on device" names: as volatile as a pid. The file's folder and kind stay compared.
  {
    name: 'xlogtemp-pid',
    pattern: /(?<=\bpg_wal\/xlogtemp\.)\d+\b/g,
    replacement: '<pid>',
  },
  // PostgreSQL LSNs (0/4132270, 1A/FF000028). PostgreSQL prints them upper-case; the
  // look-arounds keep path segments such as /16/1/ from being taken for LSNs.
  {
    name: 'pg-lsn',
    pattern: /(?<![\w/.])[0-9A-F]{1,8}\/[0-9A-F]{1,8}(?![\w/.])/g,
    replacement: '<lsn>',
  },
];

/**
 * A container's address: docker assigns one from its default pools (172.17.0.0/16 to
 * 172.31.0.0/16, then 192.168.0.0/16) on every `docker compose up`, so it is volatile. Nothing
 * else is: 0.0.0.0, 127.0.0.1, 10.x and public addresses say where something listens or who may
 * connect, and are compared to the letter. An address ending in .0 names a network (a pg_hba.conf
 * `address mask` pair), never a container, and is compared too.
 */
export function isContainerAddress(address: string): boolean {
  const octets = address.split('.').map(Number);
  if (octets.length !== 4 || octets.some((o) => !Number.isInteger(o) || o > 255)) return false;
  const [a, b, , d] = octets as [number, number, number, number];
  if (d === 0) return false;
  return (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}

// A dotted quad standing alone: not part of a longer dotted number (a version 1.2.3.4.5) and
// not followed by a /prefix, which makes it a network (172.18.0.0/16, 127.0.0.1/32): the rule
// of a pg_hba.conf line, compared to the letter.
const IPV4 = /(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?![\w/]|\.\d)/g;

/**
 * Container addresses in text that is not a psql table (log lines, error messages, URLs) become
 * `<ip>`. Inside psql tables only the columns that name a peer (client_addr, sender_host) are
 * redacted, by the same test (see PSQL_COLUMN_RULES): an `address` column of pg_hba_file_rules is
 * configuration, and a rule widened to 0.0.0.0 must show.
 */
function redactContainerAddresses(text: string): string {
  return text.replace(IPV4, (address) => (isContainerAddress(address) ? '<ip>' : address));
}

/**
 * How a psql column's cells are compared, when not to the letter. Applied to
 * aligned-table cells and to expanded-record (`psql -x`) values alike.
 *  - 'if-set': a non-empty cell becomes `<column>`; an empty cell stays empty,
 *    so "no value" vs "a value" is still a difference.
 *  - 'always': the cell becomes `<column>` even when empty. The *_lag columns
 *    are NULL once an idle standby has caught up and set while WAL flows, so
 *    whether they are empty depends on timing, not on the setup.
 *  - 'lag-bytes': byte counts of lag compare as caught up or behind, not to
 *    the byte. On PostgreSQL with DocumentDB an idle stack still writes WAL:
 *    pg_cron runs two of DocumentDB's jobs every 2 seconds and logs each run,
 *    a few hundred bytes that a replica replays within milliseconds, so a
 *    sample reads 0 or a few hundred at random. Under IDLE_WAL_BYTES is
 *    `<caught up>`, more is `<behind>`: a replica that falls behind shows.
 *  - 'address': a container address (isContainerAddress) becomes `<ip>`;
 *    anything else (127.0.0.1, a host name, empty) stays.
 *  - 'pg-version': `17.12 (Debian 17.12-1.pgdg120+1)` becomes `17.<minor>`,
 *    as the pg-version text rule does where the version names itself.
 * received_tli is deliberately absent: a timeline change is a real event.
 */
type ColumnRule = 'if-set' | 'always' | 'lag-bytes' | 'address' | 'pg-version';

/** Below this, a lag in bytes is the idle stack's background WAL (see 'lag-bytes'). */
const IDLE_WAL_BYTES = 16_384;

const PSQL_COLUMN_RULES: Readonly<Record<string, ColumnRule>> = {
  pid: 'if-set',
  usesysid: 'if-set',
  client_port: 'if-set',
  sender_port: 'if-set',
  backend_xmin: 'if-set',
  write_lag: 'always',
  flush_lag: 'always',
  replay_lag: 'always',
  client_addr: 'address',
  sender_host: 'address',
  server_version: 'pg-version',
};

// psql's header underline: `-----+-----+---`. A single-column table has no `+`.
const PSQL_SEPARATOR = /^-+(?:\+-+)*$/;
// psql's footer; it also ends the table.
const PSQL_FOOTER = /^\(\d+ rows?\)$/;
// psql expanded mode (`-x`, `\x`): `-[ RECORD 1 ]----+------`. The dashes follow the
// widest name and the widest value; a record narrower than its label has no `+`.
const PSQL_RECORD = /^-\[ RECORD (\d+) \]-*(?:\+-*)?$/;
// One docker compose progress line as printed without a TTY: ` Container postgres_primary  Started`,
// ` Image ghcr.io/ferretdb/ferretdb:2.5.0 Pulling`.
const COMPOSE_PROGRESS = /^ (Container|Volume|Network|Image) (\S+)\s+([A-Z][a-z]+)$/;

/** CRLF → LF, trailing whitespace off every line, trailing blank lines dropped. */
function normalise(text: string): string[] {
  const lines = text
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((line) => line.replace(/\s+$/, ''));
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export interface MatchOptions {
  /**
   * Image name → the variable it fills (FERRETDB_IMAGE): the names compose's progress lines may
   * show, which become `<FERRETDB_IMAGE>` so that the two profiles' builds compare equal; the
   * caller hands them over (scripts/stack/profiles.ts's profileImages()), and without them no
   * image name is redacted.
   */
  images?: ReadonlyMap<string, string>;
}

/**
 * Normalises and redacts. psql aligned tables are rewritten as trimmed cells
 * joined by ` | ` (and the separator as `---`), because psql pads every
 * column to its widest value: one longer pid or IP re-pads the whole table,
 * and that must not count as a difference. psql expanded records (`psql -x`)
 * become `-[ RECORD n ]` and trimmed `name | value` lines for the same reason.
 * Container addresses are redacted outside tables and in the peer columns
 * inside them (see redactContainerAddresses). docker compose progress blocks
 * are sorted, their image names redacted (see canonicaliseComposeProgress).
 */
export function redact(text: string, options: MatchOptions = {}): string {
  const images = options.images ?? new Map<string, string>();
  let joined = normalise(text).join('\n');
  for (const rule of REDACTIONS) joined = joined.replace(rule.pattern, rule.replacement);
  return canonicaliseComposeProgress(canonicalisePsqlTables(joined.split('\n')), images).join('\n');
}

function isPsqlTable(header: string | undefined, separator: string): boolean {
  if (header === undefined || header.trim() === '' || !PSQL_SEPARATOR.test(separator)) return false;
  const plus = [...separator].flatMap((c, i) => (c === '+' ? [i] : []));
  if (plus.length > 0) return plus.every((i) => header[i] === '|');
  // One column: a bare `---` is also YAML's and Markdown's separator, so also
  // require psql's shape (header padded with a leading space, underline at least as wide).
  return header.startsWith(' ') && separator.length >= header.length && separator.length >= 3;
}

function splitCells(row: string): string[] {
  return row.split('|').map((cell) => cell.trim());
}

/**
 * Lag figures a query names itself (replay_lag_bytes, replay_delay, …) vary with timing as much
 * as pg_stat_replication's own lag columns do; the guides show them, so they are redacted too:
 * intervals always, byte counts as caught up or behind (see 'lag-bytes').
 */
const LAG_COLUMN = /(?:^|_)lag(?:_|$)|_delay$/;

function columnRule(column: string): ColumnRule | undefined {
  if (Object.hasOwn(PSQL_COLUMN_RULES, column)) return PSQL_COLUMN_RULES[column];
  if (!LAG_COLUMN.test(column)) return undefined;
  return column.endsWith('_bytes') ? 'lag-bytes' : 'always';
}

const PG_VERSION_CELL = /^(\d{2,})\.\d+(?: \([A-Za-z][^()]*\))?$/;

/** A cell as PSQL_COLUMN_RULES says to compare it; an ellipsis cell stays a pattern. */
function redactCell(column: string, cell: string): string {
  const rule = columnRule(column);
  if (rule === undefined || cell === ELLIPSIS) return cell;
  switch (rule) {
    case 'always':
      return `<${column}>`;
    case 'if-set':
      return cell === '' ? cell : `<${column}>`;
    case 'lag-bytes':
      if (!/^-?\d+$/.test(cell)) return cell;
      return Number(cell) < IDLE_WAL_BYTES ? '<caught up>' : '<behind>';
    case 'address':
      return isContainerAddress(cell) ? '<ip>' : cell;
    case 'pg-version':
      return cell.replace(PG_VERSION_CELL, '$1.<minor>');
  }
}

/**
 * One expanded record starting at `lines[start]` (its `-[ RECORD n ]` line).
 * Its lines are `name<padding>| value`; psql pads the names to the longest
 * one, so each becomes the trimmed `name | value` (an empty value keeps the
 * space after the bar, so `name | ...` also matches it). The value is split
 * off at the first bar only: values may contain bars. A line of exactly
 * `...` (an ellipsis in a recording) stays inside the record. The record
 * ends at a blank line or any line without a bar. Returns the index after it.
 */
function canonicaliseExpandedRecord(
  lines: string[],
  start: number,
  number: string,
  out: string[],
): number {
  out.push(`-[ RECORD ${number} ]`);
  let i = start + 1;
  for (; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line === ELLIPSIS) {
      out.push(line);
      continue;
    }
    const bar = line.indexOf('|');
    if (line === '' || bar < 0) break;
    const name = line.slice(0, bar).trim();
    const value = line.slice(bar + 1).trim();
    out.push(`${name} | ${redactCell(name, value)}`);
  }
  return i;
}

function canonicalisePsqlTables(lines: string[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const header = lines[i];
    const record = header === undefined ? null : PSQL_RECORD.exec(header);
    if (record) {
      i = canonicaliseExpandedRecord(lines, i, record[1] ?? '', out);
      continue;
    }
    const separator = lines[i + 1];
    if (header === undefined || separator === undefined || !isPsqlTable(header, separator)) {
      if (header !== undefined) out.push(redactContainerAddresses(header));
      i++;
      continue;
    }
    const names = splitCells(header);
    out.push(names.join(' | '), '---');
    i += 2;
    // Rows run until the "(N rows)" footer or a blank line, as psql prints them.
    for (; i < lines.length; i++) {
      const row = lines[i] ?? '';
      if (row === '' || PSQL_FOOTER.test(row)) break;
      const cells = splitCells(row);
      out.push(
        cells
          // Column positions only mean something when the row has every cell; a
          // row such as ` ... | streaming | ...` is an ellipsis pattern, not data.
          .map((cell, col) =>
            cells.length === names.length ? redactCell(names[col] ?? '', cell) : cell,
          )
          .join(' | '),
      );
    }
  }
  return out;
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * docker compose runs its tasks concurrently and prints each task's progress
 * as it happens, so two runs of the same `docker compose up`/`down` print the
 * same lines in a different order (replica `Created` before or after primary
 * `Waiting`, one volume `Removed` before another). That order is scheduling
 * noise, not behaviour the docs promise, so a block (a maximal run of
 * consecutive progress lines) is compared as a multiset: its lines are
 * sorted, on both sides alike. It stays a multiset and not a set: a missing
 * or extra line (no `Healthy`), or another status, is still a difference.
 * The padding before the status follows the longest name in the block, so
 * it becomes two spaces. Lines outside blocks keep their order.
 *
 * An ellipsis line between two progress lines (in a recording) means "and
 * any other lines of this block": the block's lines are sorted and `...` is
 * put before, between and after them, which matches any sorted block that
 * contains them (a sorted sub-multiset is a subsequence of the sorted whole).
 * An ellipsis before or after a block is left alone. The diff shows blocks
 * in sorted order.
 *
 * An `Image` line's name becomes its profile variable (`<FERRETDB_IMAGE>`,
 * see profileImages): the official and the local build of one version set
 * carry other names. A name no profile gives stays compared.
 */
function canonicaliseComposeProgress(
  lines: string[],
  images: ReadonlyMap<string, string>,
): string[] {
  const progressLine = (line: string): string =>
    line.replace(COMPOSE_PROGRESS, (_, kind: string, name: string, status: string) => {
      const variable = kind === 'Image' ? images.get(name) : undefined;
      return ` ${kind} ${variable === undefined ? name : `<${variable}>`}  ${status}`;
    });
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    if (!COMPOSE_PROGRESS.test(lines[i] ?? '')) {
      out.push(lines[i] ?? '');
      i++;
      continue;
    }
    // The block: progress lines, plus `...` lines that have a progress line after them.
    let end = i + 1;
    let last = i;
    while (
      end < lines.length &&
      (lines[end] === ELLIPSIS || COMPOSE_PROGRESS.test(lines[end] ?? ''))
    ) {
      if (lines[end] !== ELLIPSIS) last = end;
      end++;
    }
    const block = lines.slice(i, last + 1);
    const progress = block
      .filter((line) => line !== ELLIPSIS)
      .map(progressLine)
      .sort(byCodeUnits);
    if (progress.length === block.length) out.push(...progress);
    else out.push(ELLIPSIS, ...progress.flatMap((line) => [line, ELLIPSIS]));
    i = last + 1;
  }
  return out;
}

// `...` inside an expected line matches any run of characters within that line.
function linePattern(expected: string): RegExp | null {
  if (!expected.includes(ELLIPSIS)) return null;
  const parts = expected.split(ELLIPSIS).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.*')}$`, 'u');
}

function lineMatches(expected: string, actual: string): boolean {
  const pattern = linePattern(expected);
  return pattern ? pattern.test(actual) : expected === actual;
}

/**
 * Line-by-line match where an expected line that is exactly `...` matches zero
 * or more whole actual lines. Memoised so several `...` lines stay O(n·m).
 */
function linesMatch(expected: readonly string[], actual: readonly string[]): boolean {
  const memo = new Map<number, boolean>();
  const go = (e: number, a: number): boolean => {
    if (e === expected.length) return a === actual.length;
    const key = e * (actual.length + 1) + a;
    const cached = memo.get(key);
    if (cached !== undefined) return cached;
    const line = expected[e] ?? '';
    let result: boolean;
    if (line === ELLIPSIS) {
      result = go(e + 1, a) || (a < actual.length && go(e, a + 1));
    } else {
      result = a < actual.length && lineMatches(line, actual[a] ?? '') && go(e + 1, a + 1);
    }
    memo.set(key, result);
    return result;
  };
  return go(0, 0);
}

/**
 * Compares a recorded output (`expected`, may use `...`) with a fresh run.
 * `diff` is empty when they match; otherwise a unified diff of the redacted
 * texts for a person to read (an ellipsis shows up as a difference there),
 * headed with `names` (the recording's path, this run), and, when a redaction
 * changed either text, the diff of the raw texts after it, so that a person
 * sees the values the redactions hid.
 */
export function matchOutput(
  expected: string,
  actual: string,
  options: MatchOptions = {},
  names: { recorded: string; actual: string } = { recorded: 'recorded', actual: 'actual' },
): { ok: boolean; diff: string } {
  const recorded = redact(expected, options);
  const fresh = redact(actual, options);
  const ok = linesMatch(recorded.split('\n'), fresh.split('\n'));
  if (ok) return { ok, diff: '' };
  const redactedDiff = createTwoFilesPatch(
    `${names.recorded} (redacted)`,
    `${names.actual} (redacted)`,
    recorded + '\n',
    fresh + '\n',
  );
  const redactionsApplied =
    recorded !== normalise(expected).join('\n') || fresh !== normalise(actual).join('\n');
  const rawDiff = redactionsApplied
    ? `\nthe same, before the redactions:\n${createTwoFilesPatch(names.recorded, names.actual, expected, actual)}`
    : '';
  return { ok, diff: redactedDiff + rawDiff };
}
