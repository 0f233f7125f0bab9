// What each recording was verified against (examples/recorded/<guide>/<id>.verified.json,
// scripts/guide/verified.ts): every step has one, it names the version set this repository pins,
// and npm run record writes it from one measurement per run (scripts/guide/stack-versions.ts).
// No Docker here: the measurement is replaced by a function that answers as the stack would.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { VerificationRecorder } from '../../scripts/guide/recordings';
import type { StepRun } from '../../scripts/guide/run-step';
import {
  parseFerretdbVersion,
  parsePostgresVersions,
  RunMeasurement,
  type StackVersions,
} from '../../scripts/guide/stack-versions';
import {
  examplesIn,
  listGuides,
  listSteps,
  repoRoot,
  stepFiles,
  stepId,
  type Step,
} from '../../scripts/guide/steps';
import {
  readVerified,
  versionProblems,
  versionSetsOf,
  type VerifiedRecording,
} from '../../scripts/guide/verified';
import { pins } from '../../scripts/stack/versions';

const scratch = mkdtempSync(path.join(tmpdir(), 'verified-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const AGAIN =
  'record it again with npm run record (on the pinned versions), review the diff and commit it';

describe('every recorded step says what it was verified against', () => {
  const steps = listGuides().flatMap((guide) => listSteps(guide));

  it('in a verified.json that reads', () => {
    expect(steps.length).toBeGreaterThan(40);
    const problems = steps.flatMap((step) => {
      const file = path.relative(repoRoot, stepFiles(step).verified);
      if (!existsSync(path.join(repoRoot, file)))
        return [`step ${stepId(step)} has no ${file}: ${AGAIN}`];
      const verified = readVerified(path.join(repoRoot, file));
      return typeof verified === 'string' ? [`${file}: ${verified}; ${AGAIN}`] : [];
    });
    expect(problems).toEqual([]);
  });

  it("against the version set of scripts/stack/versions.ts and examples/profiles.json' images", () => {
    const problems = steps.flatMap((step) => {
      const file = stepFiles(step).verified;
      const verified = existsSync(file) ? readVerified(file) : 'missing';
      if (typeof verified === 'string') return []; // the test above names it
      return versionProblems(verified, undefined, versionSetsOf(step.guide)).map(
        (problem) =>
          `step ${stepId(step)} (${path.relative(repoRoot, file)}): ${problem}; ${AGAIN}`,
      );
    });
    expect(problems).toEqual([]);
  });
});

describe('a recording made against other versions', () => {
  const pinned: VerifiedRecording = {
    source: 'measured',
    date: '2026-12-02',
    profile: 'local',
    images: {
      POSTGRES_IMAGE: 'ferretdb-guide/postgres-documentdb:17-0.106.0-ferretdb-2.5.0-local',
      FERRETDB_IMAGE: 'ferretdb-guide/ferretdb:2.5.0-local',
    },
    versions: {
      ferretdb: pins.ferretdbVersion,
      postgresql: `${pins.postgresMajor}.6 (Debian ${pins.postgresMajor}.6-1.pgdg120+1)`,
      documentdb: pins.documentdb.binaryVersion,
    },
  };
  const profiles = {
    local: {
      description: '',
      env: {
        ...pinned.images,
        UPGRADE_FROM_POSTGRES_IMAGE:
          'ferretdb-guide/postgres-documentdb:17-0.104.0-ferretdb-2.3.0-local',
        UPGRADE_FROM_FERRETDB_IMAGE: 'ferretdb-guide/ferretdb:2.3.0-local',
      },
    },
  };
  const other = (versions: Partial<StackVersions>): VerifiedRecording => ({
    ...pinned,
    versions: { ...pinned.versions, ...versions },
  });

  it('is none when it ran the pinned set, whatever PostgreSQL minor the image has', () => {
    expect(versionProblems(pinned, profiles)).toEqual([]);
  });

  it.each([
    ['FerretDB', other({ ferretdb: 'v2.4.0' }), 'it ran FerretDB v2.4.0, and the pinned one is'],
    ['PostgreSQL', other({ postgresql: '16.9' }), 'it ran PostgreSQL 16.9, and the pinned one is'],
    [
      'DocumentDB',
      other({ documentdb: '0.105.0 gitref: HEAD sha:0000000000 buildId:0' }),
      'it ran DocumentDB "0.105.0 gitref: HEAD sha:0000000000 buildId:0", and the pinned one reports',
    ],
    [
      'an image',
      { ...pinned, images: { ...pinned.images, FERRETDB_IMAGE: 'ferretdb-guide/ferretdb:2.4.0' } },
      'it ran FERRETDB_IMAGE=ferretdb-guide/ferretdb:2.4.0, and the local profile now names',
    ],
    [
      'a profile',
      { ...pinned, profile: 'gone' },
      "its profile gone is not one of examples/profiles.json's",
    ],
  ])('is named when it ran another %s', (_part, verified, message) => {
    expect(versionProblems(verified, profiles).join('\n')).toContain(message);
  });
});

describe('the measurement', () => {
  it('reads what ferretdb --version and psql print', () => {
    expect(
      parseFerretdbVersion('version: v2.5.0\ncommit: 0\nbranch: unknown\ndirty: false\n'),
    ).toBe('v2.5.0');
    expect(parseFerretdbVersion('Error response from daemon: No such container: ferretdb')).toBe(
      undefined,
    );
    expect(
      parsePostgresVersions(
        '17.6 (Debian 17.6-1.pgdg120+1) | 0.106.0 gitref: HEAD sha:beb9d25d98 buildId:0\n',
      ),
    ).toEqual({
      postgresql: '17.6 (Debian 17.6-1.pgdg120+1)',
      documentdb: '0.106.0 gitref: HEAD sha:beb9d25d98 buildId:0',
    });
    expect(parsePostgresVersions('')).toBe(undefined);
  });

  it('is taken once a run: each part until a container reports it, then kept when the stack is down', async () => {
    const asked: string[][] = [];
    const answers: Partial<StackVersions>[] = [
      { postgresql: '17.6', documentdb: '0.106.0' }, // the primary alone is up
      {}, // nothing answers
      { ferretdb: 'v2.5.0', postgresql: '99' }, // FerretDB started; a part known already is kept
    ];
    const measurement = new RunMeasurement(async (wanted) => {
      asked.push([...(wanted ?? [])].sort());
      return answers.shift() ?? {};
    });
    expect(await measurement.update()).toEqual({ postgresql: '17.6', documentdb: '0.106.0' });
    expect(await measurement.update()).toEqual({ postgresql: '17.6', documentdb: '0.106.0' });
    const all = { ferretdb: 'v2.5.0', postgresql: '17.6', documentdb: '0.106.0' };
    expect(await measurement.update()).toEqual(all);
    expect(await measurement.update()).toEqual(all);
    expect(asked).toEqual([['documentdb', 'ferretdb', 'postgresql'], ['ferretdb'], ['ferretdb']]);
  });
});

describe('npm run record', () => {
  const step = (id: string): Step => ({ guide: 'demo', id, file: `${id}.mjs`, title: id });
  const run = (id: string): StepRun => ({
    step: step(id),
    profile: 'local',
    exitCode: 0,
    commands: [],
    stderr: '',
  });

  it("writes each step's file, and completes those of earlier steps when a later one starts what they lacked", async () => {
    const examples = examplesIn(path.join(scratch, 'record'));
    const answers: Partial<StackVersions>[] = [
      { postgresql: '17.6', documentdb: '0.106.0 gitref: HEAD sha:beb9d25d98 buildId:0' },
      { ferretdb: 'v2.5.0' },
    ];
    const recorder = new VerificationRecorder(
      new RunMeasurement(async () => answers.shift() ?? {}),
      examples,
      true,
    );
    const file = (id: string): string => stepFiles(step(id), examples).verified;

    await recorder.add(run('01-start-primary'), new Date('2026-12-01T23:59:59Z'));
    expect(readVerified(file('01-start-primary'))).toMatch(/names no FerretDB version/);

    await recorder.add(run('09-start-ferretdb'), new Date('2026-12-02T00:00:01Z'));
    await recorder.add(run('12-clean-up'), new Date('2026-12-02T00:00:02Z'));
    const first = readVerified(file('01-start-primary'));
    expect(first).toMatchObject({
      source: 'measured',
      date: '2026-12-01',
      profile: 'local',
      versions: { ferretdb: 'v2.5.0', postgresql: '17.6' },
    });
    expect(readVerified(file('12-clean-up'))).toMatchObject({
      date: '2026-12-02',
      versions: { ferretdb: 'v2.5.0' },
    });
    // The two images the stack runs, as examples/profiles.json names them (not the upgrade page's older pair).
    const profiles = JSON.parse(
      readFileSync(path.join(repoRoot, 'examples', 'profiles.json'), 'utf8'),
    ) as { local: { env: Record<string, string> } };
    const { POSTGRES_IMAGE, FERRETDB_IMAGE } = profiles.local.env;
    expect((first as VerifiedRecording).images).toEqual({ POSTGRES_IMAGE, FERRETDB_IMAGE });
  });

  it('and a test run that compares writes nothing', async () => {
    const examples = examplesIn(path.join(scratch, 'compare'));
    let measured = false;
    const recorder = new VerificationRecorder(
      new RunMeasurement(async () => {
        measured = true;
        return {};
      }),
      examples,
      false,
    );
    await recorder.add(run('01-start-primary'));
    expect(existsSync(stepFiles(step('01-start-primary'), examples).verified)).toBe(false);
    expect(measured).toBe(false);
  });
});
