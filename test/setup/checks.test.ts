/**
 * Setup's own checks, run for real on hand-edited inputs: a profile that pairs one FerretDB
 * release's FerretDB with another's DocumentDB is refused with both versions named, and a long
 * tool that fails ends in its last lines and what to do, after saying it is still working.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { $ } from 'zx';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readProfiles } from '../../scripts/stack/profiles';
import { examplesDir } from '../../scripts/guide/steps';
import { checkProfiles } from '../../scripts/provision/profile-check';
import { longRun } from '../../scripts/provision/progress';
import { SetupError } from '../../scripts/user-error';

/** examples/profiles.json with one value replaced, as a person would edit it. */
function editedProfiles(from: string, to: string) {
  const text = readFileSync(path.join(examplesDir, 'profiles.json'), 'utf8');
  expect(text).toContain(from);
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'profiles-')), 'profiles.json');
  writeFileSync(file, text.replace(from, to));
  return readProfiles(file);
}

function refusal(run: () => void): SetupError {
  try {
    run();
  } catch (error) {
    if (error instanceof SetupError) return error;
    throw error;
  }
  throw new Error('expected a SetupError');
}

describe('profile check', () => {
  afterEach(() => vi.restoreAllMocks());

  it('passes the committed profiles', () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(() => checkProfiles()).not.toThrow();
  });

  it('refuses FerretDB 2.4.0 with the DocumentDB made for 2.5.0, naming both', () => {
    const error = refusal(() =>
      checkProfiles(
        editedProfiles('ghcr.io/ferretdb/ferretdb:2.5.0', 'ghcr.io/ferretdb/ferretdb:2.4.0'),
      ),
    );
    expect(error.message).toBe(
      'profile official pairs FerretDB 2.4.0 with DocumentDB 0.106.0-ferretdb-2.5.0, which is made for FerretDB 2.5.0',
    );
    expect(error.hint).toContain('same FerretDB release');
  });

  it('refuses a matching pair of another release than the pinned one', () => {
    const profiles = editedProfiles(
      '"POSTGRES_IMAGE": "ferretdb-guide/postgres-documentdb:17-0.106.0-ferretdb-2.5.0-local",\n      "FERRETDB_IMAGE": "ferretdb-guide/ferretdb:2.5.0-local"',
      '"POSTGRES_IMAGE": "ferretdb-guide/postgres-documentdb:17-0.105.0-ferretdb-2.4.0-local",\n      "FERRETDB_IMAGE": "ferretdb-guide/ferretdb:2.4.0-local"',
    );
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const error = refusal(() => checkProfiles(profiles));
    expect(error.message).toContain(
      'profile local names FerretDB 2.4.0 and DocumentDB 0.105.0-ferretdb-2.4.0',
    );
    expect(error.message).toContain(
      'pins FerretDB 2.5.0 and DocumentDB 0.106.0-ferretdb-2.5.0 as its version set',
    );
  });

  it('refuses an image name without a version tag', () => {
    const error = refusal(() =>
      checkProfiles(
        editedProfiles('ghcr.io/ferretdb/ferretdb:2.5.0', 'ghcr.io/ferretdb/ferretdb:latest'),
      ),
    );
    expect(error.message).toContain('has no version tag');
  });
});

describe('long tools', () => {
  afterEach(() => vi.restoreAllMocks());

  it("say they are still working, and a failure ends in the tool's last lines and what to do", async () => {
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
    const script =
      'for i in $(seq 1 30); do echo "line $i"; done; echo "fatal: it broke" >&2; sleep 1.2; exit 3';
    const error = (await longRun(
      'building the thing (a while)',
      'read the lines above, then run setup again',
      () => $({ quiet: true })`sh -c ${script}`,
      400,
    ).catch((e: unknown) => e)) as SetupError;
    expect(error).toBeInstanceOf(SetupError);
    expect(error.message).toMatch(/^building the thing \(a while\) failed after \d+\.\d s:\n/);
    expect(error.message).toContain('    line 30\n    fatal: it broke');
    expect(error.message).not.toContain('line 10\n');
    expect(error.hint).toBe('read the lines above, then run setup again');
    expect(lines[0]).toBe('  building the thing (a while) …');
    expect(lines.some((line) => /^ {2}… still building the thing \(\d+\.\d s\)$/.test(line))).toBe(
      true,
    );
  });
});
