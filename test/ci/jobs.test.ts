// The map from changed files to CI jobs (scripts/ci/jobs.ts), which the workflow's plan and
// `npm test -- --affected` both use, and the shards of `npm test -- --shard`.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import {
  affectedJobs,
  BROWSER,
  dockerJobs,
  FAST,
  guidesWithoutJob,
  PROVISIONING,
  ruleOf,
  testFilesOf,
} from '../../scripts/ci/jobs';
import { planOutputs } from '../../scripts/ci/plan';
import { measuredDurations, parseShard, shards } from '../../scripts/ci/shards';
import { repoRoot } from '../site/paths';

const tracked = execFileSync('git', ['ls-files'], { cwd: repoRoot, encoding: 'utf8' })
  .split('\n')
  .filter(Boolean);

describe('the map of changed files to CI jobs', () => {
  it('names a rule for every file under docs/, examples/ and scripts/', () => {
    const unnamed = tracked.filter(
      (file) => /^(?:docs|examples|scripts)\//.test(file) && ruleOf(file) === undefined,
    );
    expect(unnamed, 'add a rule for these to scripts/ci/jobs.ts').toEqual([]);
  });

  it('gives every guide a docker job, and every docker test file exactly one job', () => {
    expect(guidesWithoutJob()).toEqual([]);
    const files = [...dockerJobs().values()].flat();
    expect(new Set(files).size).toBe(files.length);
    const docker = tracked.filter((file) => /^test\/(?:guide|provision)\/.*\.test\.ts$/.test(file));
    expect(files.sort()).toEqual(docker.sort());
    expect(files.every((file) => existsSync(path.join(repoRoot, file)))).toBe(true);
  });

  it('runs the failover job and no other docker job for a change to examples/guides/failover/ alone', () => {
    const jobs = affectedJobs(['examples/guides/failover/02-check-replica-caught-up.mjs']);
    expect(jobs).toEqual([FAST, 'failover']);
    expect(planOutputs(jobs)).toBe('fast=true\nbrowser=false\ndocker=["failover"]\n');
  });

  it('runs every guide for what every step shares, and none for prose', () => {
    const guides = [...dockerJobs().keys()].filter((job) => job !== PROVISIONING);
    for (const shared of [
      'examples/compose.yaml',
      'examples/lib/guide.mjs',
      'scripts/outputs/match-output.ts',
      'scripts/provision/images/postgres/Dockerfile',
      'examples/recorded/replication/05-base-backup.sh',
    ])
      expect(affectedJobs([shared]), shared).toEqual(expect.arrayContaining(guides));
    expect(affectedJobs(['docs/failover.mdx'])).toEqual([FAST, BROWSER]);
    expect(affectedJobs(['examples/recorded/faults/01-restart-replica.txt'])).toEqual([
      FAST,
      BROWSER,
      'faults',
    ]);
  });

  it('runs everything for a file no rule names', () => {
    expect(affectedJobs(['package.json'])).toEqual([FAST, BROWSER, ...dockerJobs().keys()]);
  });

  it('gives the fast job the tests of neither the docker lane nor the browser', () => {
    const fast = testFilesOf(FAST);
    expect(fast).toContain('test/ci/jobs.test.ts');
    expect(fast.filter((file) => /^test\/(?:guide|provision|browser)\//.test(file))).toEqual([]);
  });
});

describe('the workflow', () => {
  const workflow = readFileSync(
    path.join(repoRoot, '.github', 'workflows', 'tested-docs.yml'),
    'utf8',
  );

  it('plans with scripts/ci/plan.ts and runs a docker job per planned name, each its own test files', () => {
    expect(workflow).toContain('node --import tsx scripts/ci/plan.ts');
    expect(workflow).toContain('fromJSON(needs.plan.outputs.docker)');
    expect(workflow).toContain('npm test -- --job ${{ matrix.job }}');
  });

  it('runs every night on the official images and files the drift as one issue', () => {
    expect(workflow).toMatch(/schedule:\n\s+- cron: /);
    expect(workflow).toContain('GUIDE_PROFILE: official');
    expect(workflow).toContain('scripts/ci/drift-issue.mjs');
  });
});

describe('shards of the docker lane', () => {
  it('hold every docker test file once, in parts of similar measured duration', () => {
    const all = [...dockerJobs().values()].flat().sort();
    for (const n of [1, 2, 3, 4]) {
      const parts = shards(n);
      expect(parts.flatMap((part) => part.files).sort()).toEqual(all);
      const seconds = parts.map((part) => part.seconds);
      // The longest file alone bounds how even the parts can be.
      const longest = Math.max(...measuredDurations().values());
      expect(Math.max(...seconds) - Math.min(...seconds)).toBeLessThanOrEqual(longest);
    }
  });

  it('take i/n, and say what is wrong with anything else', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(parseShard('4/3')).toMatch(/--shard takes i\/n/);
    expect(parseShard('x')).toMatch(/--shard takes i\/n/);
  });
});
