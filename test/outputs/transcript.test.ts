/**
 * The console text the docs show and the matcher compares: a command's exit status is part of it
 * whenever it is not 0, so a change of status alone is a difference.
 */
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { matchOutput } from '../../scripts/outputs/match-output';
import {
  consoleText,
  exitStatusLine,
  readTranscript,
  type Command,
} from '../../scripts/guide/transcript';
import { repoRoot } from '../../scripts/guide/steps';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'outputs');

describe('exit statuses in the console text', () => {
  it('reads a transcript as examples/lib/guide.mjs writes it into the text the docs show', () => {
    const commands = readTranscript(path.join(fixtures, 'transcript.jsonl'));
    expect(commands.map((c) => c.exitCode)).toEqual([0, 1, 1, null]);
    expect(consoleText(commands)).toBe(
      readFileSync(path.join(fixtures, 'transcript.console.txt'), 'utf8'),
    );
  });

  it.each([
    [0, null],
    [1, '[exit status 1]'],
    [130, '[exit status 130]'],
    [null, '[no exit status]'],
  ])('exit code %s is shown as %s', (code, line) => {
    expect(exitStatusLine(code)).toBe(line);
  });

  it('puts the status line right after the output, on a line of its own', () => {
    const text = consoleText([
      { cmd: 'false', output: '', exitCode: 1 },
      { cmd: 'printf no-newline; exit 2', output: 'no-newline', exitCode: 2 },
      { cmd: 'true', output: 'fine\n', exitCode: 0 },
    ]);
    expect(text).toBe(
      '$ false\n[exit status 1]\n$ printf no-newline; exit 2\nno-newline\n[exit status 2]\n$ true\nfine\n',
    );
  });

  const insert: Command = {
    cmd: `mongosh 'mongodb://user:password@localhost:27018/' --quiet --eval 'db.record.insertOne({ n: 1 })'`,
    output: 'MongoServerError: ERROR: cannot execute INSERT in a read-only transaction\n',
    exitCode: 1,
  };

  it('fails the comparison when a command starts failing with the same output', () => {
    const recorded = consoleText([{ ...insert, exitCode: 0 }]);
    const result = matchOutput(recorded, consoleText([insert]));
    expect(result.ok).toBe(false);
    expect(result.diff).toContain('\n+[exit status 1]\n');
  });

  it('fails the comparison when a refused command starts succeeding with an empty output', () => {
    const grep: Command = {
      cmd: "docker exec postgres_primary grep '^host all all 0.0.0.0/0' /var/lib/postgresql/data/pg_hba.conf",
      output: '',
      exitCode: 1,
    };
    const result = matchOutput(consoleText([grep]), consoleText([{ ...grep, exitCode: 0 }]));
    expect(result.ok).toBe(false);
    expect(result.diff).toContain('\n-[exit status 1]\n');
  });

  it('fails the comparison when the status changes', () => {
    expect(matchOutput(consoleText([insert]), consoleText([{ ...insert, exitCode: 2 }])).ok).toBe(
      false,
    );
  });

  it('matches the same status again', () => {
    expect(matchOutput(consoleText([insert]), consoleText([insert]))).toEqual({
      ok: true,
      diff: '',
    });
  });
});
