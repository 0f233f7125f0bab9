/**
 * The ONE matcher for recorded command outputs. Recorded files keep the real
 * values (the docs show them); both sides are redacted with the same rules at
 * compare time, so a later run with other pids, LSNs, IPs and timestamps still
 * matches while any change a reader would notice does not.
 */
import { createTwoFilesPatch } from 'diff';

export interface RedactionRule {
  name: string;
  pattern: RegExp;
  replacement: string;
}

/**
 * Applied in order to the whole text. Order matters: timestamps go before
 * intervals (a timestamp contains a time of day), ObjectId(...) before bare
 * 24-hex ids (to keep the wrapper visible in diffs).
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
  // mongosh ObjectId('672159e5a6caf9a94afa26b9'): new for every insert.
  {
    name: 'mongo-objectid',
    pattern: /ObjectId\((['"])[0-9a-fA-F]{24}\1\)/g,
    replacement: "ObjectId('<objectid>')",
  },
  // Bare ObjectIds (JSON output, log lines). \b keeps longer hashes (git, sha256) intact.
  { name: 'hex-objectid', pattern: /\b[0-9a-f]{24}\b/g, replacement: '<objectid>' },
  // PostgreSQL LSNs (0/4132270, 1A/FF000028). PostgreSQL prints them upper-case; the
  // look-arounds keep path segments such as /16/1/ from being taken for LSNs.
  {
    name: 'pg-lsn',
    pattern: /(?<![\w/.])[0-9A-F]{1,8}\/[0-9A-F]{1,8}(?![\w/.])/g,
    replacement: '<lsn>',
  },
  // IPv4: container addresses change on every `docker compose up`. This also
  // covers psql's client_addr and sender_host columns.
  { name: 'ipv4', pattern: /\b(?:\d{1,3}\.){3}\d{1,3}\b/g, replacement: '<ip>' },
];

/**
 * psql columns whose values change from run to run but that the text rules
 * cannot catch (plain integers) or that may legitimately be empty. Applied to
 * aligned-table cells and to expanded-record (`psql -x`) values alike.
 *  - 'if-set': a non-empty cell becomes `<column>`; an empty cell stays empty,
 *    so "no value" vs "a value" is still a difference.
 *  - 'always': the cell becomes `<column>` even when empty. The *_lag columns
 *    are NULL once an idle standby has caught up and set while WAL flows, so
 *    whether they are empty depends on timing, not on the setup.
 * received_tli is deliberately absent: a timeline change is a real event.
 * sender_host / client_addr need no entry: the ipv4 rule already covers them.
 */
export const VOLATILE_PSQL_COLUMNS: Readonly<Record<string, 'if-set' | 'always'>> = {
  pid: 'if-set',
  usesysid: 'if-set',
  client_port: 'if-set',
  sender_port: 'if-set',
  backend_xmin: 'if-set',
  write_lag: 'always',
  flush_lag: 'always',
  replay_lag: 'always',
};

// psql's header underline: `-----+-----+---`. A single-column table has no `+`.
const PSQL_SEPARATOR = /^-+(?:\+-+)*$/;
// psql's footer; it also ends the table.
const PSQL_FOOTER = /^\(\d+ rows?\)$/;
// psql expanded mode (`-x`, `\x`): `-[ RECORD 1 ]----+------`. The dashes follow the
// widest name and the widest value; a record narrower than its label has no `+`.
const PSQL_RECORD = /^-\[ RECORD (\d+) \]-*(?:\+-*)?$/;
// One docker compose progress line as printed without a TTY: ` Container postgres_primary  Started`.
const COMPOSE_PROGRESS = /^ (Container|Volume|Network) (\S+)\s+([A-Z][a-z]+)$/;

/** CRLF → LF, trailing whitespace off every line, trailing blank lines dropped. */
export function normalise(text: string): string[] {
  const lines = text
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((line) => line.replace(/\s+$/, ''));
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * Normalises and redacts. psql aligned tables are rewritten as trimmed cells
 * joined by ` | ` (and the separator as `---`), because psql pads every
 * column to its widest value: one longer pid or IP re-pads the whole table,
 * and that must not count as a difference. psql expanded records (`psql -x`)
 * become `-[ RECORD n ]` and trimmed `name | value` lines for the same reason.
 * docker compose progress blocks are sorted (see canonicaliseComposeProgress).
 */
export function redact(text: string): string {
  let joined = normalise(text).join('\n');
  for (const rule of REDACTIONS) joined = joined.replace(rule.pattern, rule.replacement);
  return canonicaliseComposeProgress(canonicalisePsqlTables(joined.split('\n'))).join('\n');
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
 * as pg_stat_replication's own lag columns do; the guides show them, so they are redacted too.
 */
const LAG_COLUMN = /(?:^|_)lag(?:_|$)|_delay$/;

function volatileMode(column: string): 'if-set' | 'always' | undefined {
  if (Object.hasOwn(VOLATILE_PSQL_COLUMNS, column)) return VOLATILE_PSQL_COLUMNS[column];
  return LAG_COLUMN.test(column) ? 'always' : undefined;
}

/** `<column>` for a volatile cell (see VOLATILE_PSQL_COLUMNS); an ellipsis cell stays a pattern. */
function redactCell(column: string, cell: string): string {
  const mode = volatileMode(column);
  if (mode === undefined || cell === '...') return cell;
  return mode === 'always' || cell !== '' ? `<${column}>` : cell;
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
    if (line === '...') {
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
      if (header !== undefined) out.push(header);
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
 */
function canonicaliseComposeProgress(lines: string[]): string[] {
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
      (lines[end] === '...' || COMPOSE_PROGRESS.test(lines[end] ?? ''))
    ) {
      if (lines[end] !== '...') last = end;
      end++;
    }
    const block = lines.slice(i, last + 1);
    const progress = block
      .filter((line) => line !== '...')
      .map((line) => line.replace(COMPOSE_PROGRESS, ' $1 $2  $3'))
      .sort(byCodeUnits);
    if (progress.length === block.length) out.push(...progress);
    else out.push('...', ...progress.flatMap((line) => [line, '...']));
    i = last + 1;
  }
  return out;
}

// `...` inside an expected line matches any run of characters within that line.
function linePattern(expected: string): RegExp | null {
  if (!expected.includes('...')) return null;
  const parts = expected.split('...').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
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
    if (line === '...') {
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
 * texts for a person to read (an ellipsis shows up as a difference there).
 */
export function matchOutput(expected: string, actual: string): { ok: boolean; diff: string } {
  const recorded = redact(expected);
  const fresh = redact(actual);
  const ok = linesMatch(recorded.split('\n'), fresh.split('\n'));
  const diff = ok ? '' : createTwoFilesPatch('recorded', 'actual', recorded + '\n', fresh + '\n');
  return { ok, diff };
}
