/**
 * Drift between the docs, the examples and the recordings fails the suite. Each check runs on the
 * real tree, and on a fixture made to break it, so the check is known to bite.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { $ } from 'zx';
import { afterAll, describe, expect, it } from 'vitest';
import { checkGuideCoverage } from '../../scripts/docs-rules/guide-coverage';
import { stepCoverage } from '../lib/step-coverage';
import { checkInlineCommands } from '../../scripts/docs-rules/inline-commands';
import { renderTestedStack, tablePath } from '../../scripts/docs-gen/tested-stack';
import { loadProfile, readProfiles } from '../../scripts/stack/profiles';
import { checkRecording } from '../../scripts/guide/recordings';
import { examplesDir, listSteps, repoRoot, stepFiles } from '../../scripts/guide/steps';
import type { StepRun } from '../../scripts/guide/run-step';

const docsDir = path.join(repoRoot, 'docs');
const fixtures = path.join(repoRoot, 'test', 'fixtures', 'docs-coverage');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'drift-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('docs show exactly the steps the tests run', () => {
  it('holds for the real docs and examples', async () => {
    expect(await checkGuideCoverage(docsDir, repoRoot)).toEqual([]);
  });

  it('fails when a step runs in the tests but the docs do not show it', async () => {
    const problems = await checkGuideCoverage(path.join(fixtures, 'docs-missing-step'), fixtures);
    expect(problems.map((p) => p.message)).toEqual([
      'step demo/02-second runs in the tests but no page shows it: put the line ::step{id="demo/02-second"} where its page should show it',
    ]);
  });

  it('fails when the docs show a step that no test runs', async () => {
    const problems = await checkGuideCoverage(path.join(fixtures, 'docs-extra-step'), fixtures);
    expect(problems.map((p) => p.message)).toEqual([
      "docs-extra-step/demo.mdx:13: demo/03-gone names no step: there is no examples/guides/demo/03-gone.mjs; name one of demo's steps (01-first, 02-second), or add the script",
    ]);
  });

  it('fails when a page imports a file of a step with a fence of its own, not its step line', async () => {
    const problems = await checkGuideCoverage(path.join(fixtures, 'docs-step-by-hand'), fixtures);
    expect(problems.map((p) => p.message)).toEqual([
      'docs-step-by-hand/demo.mdx:11: file=../examples/recorded/demo/02-second.txt imports a file of step demo/02-second by hand: show the step with its line, ::step{id="demo/02-second"}, instead',
    ]);
  });

  it('fails when a step heading carries a number of its own, which the build adds', async () => {
    const problems = await checkGuideCoverage(
      path.join(fixtures, 'docs-numbered-by-hand'),
      fixtures,
    );
    expect(problems.map((p) => p.message)).toEqual([
      'docs-numbered-by-hand/demo.mdx:7: "Step 2: Second" stands over demo/02-second: write it without "Step N:", which the build adds by the step\'s place on the page',
    ]);
  });

  it('fails when "Before you start" stands over a step that is not the first', async () => {
    const problems = await checkGuideCoverage(
      path.join(fixtures, 'docs-before-not-first'),
      fixtures,
    );
    expect(problems.map((p) => p.message)).toEqual([
      'docs-before-not-first/demo.mdx:7: "Before you start" stands over demo/02-second, which is not the page\'s first step: say what the step does',
    ]);
  });

  it("fails when a guide's step is shown on a page that is not the guide's", async () => {
    const problems = await checkGuideCoverage(path.join(fixtures, 'docs-other-page'), fixtures);
    expect(problems.map((p) => p.message)).toEqual([
      'docs-other-page/notes.mdx:5: demo/01-first is a step of demo, whose page docs/demo.mdx decides the order its steps run in: show it there',
    ]);
  });

  it('takes the order from the page: a step inserted between two others renames nothing', () => {
    // A copy of the fixture with its page, and a step inserted between the two by its line alone.
    const root = path.join(scratch, 'inserted');
    cpSync(path.join(fixtures, 'examples'), path.join(root, 'examples'), { recursive: true });
    const guides = path.join(root, 'examples', 'guides');
    writeFileSync(
      path.join(guides, 'demo', 'check-in-between.mjs'),
      '#!/usr/bin/env zx\n// Checks something between the first and the second step.\n',
    );
    mkdirSync(path.join(root, 'docs'));
    const page = (ids: string[]) =>
      ids.map((id) => `## ${id}\n\n::step{id="demo/${id}"}\n`).join('\n');
    writeFileSync(
      path.join(root, 'docs', 'demo.mdx'),
      page(['01-first', 'check-in-between', '02-second']),
    );
    expect(listSteps('demo', guides).map((step) => step.id)).toEqual([
      '01-first',
      'check-in-between',
      '02-second',
    ]);
    // The test that runs them is held to the same order.
    expect(stepCoverage('demo', ['01-first', '02-second', 'check-in-between'], guides).ok).toBe(
      false,
    );
    expect(stepCoverage('demo', ['01-first', 'check-in-between', '02-second'], guides).ok).toBe(
      true,
    );
  });
});

describe('commands in the prose ran', () => {
  it('holds for the real docs: every command on a container written inline stands in a Shell tab', async () => {
    expect(await checkInlineCommands(docsDir, repoRoot)).toEqual([]);
  });

  it('fails on an inline command that no step runs, naming the page and line', async () => {
    const problems = await checkInlineCommands(
      path.join(fixtures, 'docs-inline-command'),
      fixtures,
    );
    expect(problems).toEqual([
      'docs-inline-command/guide.mdx:5: `docker exec -u postgres postgres_replica /usr/lib/postgresql/17/bin/pg_ctl promote` is a command no step runs: show it with a step, or say in words what it does',
    ]);
  });
});

describe('generated snippets are current', () => {
  const snippets = (root: string, ...args: string[]) =>
    $({
      cwd: repoRoot,
      nothrow: true,
      quiet: true,
    })`npx tsx scripts/snippets/cli.ts --root ${root} ${args}`;

  it('holds for examples/', async () => {
    const check = await snippets(examplesDir, '--check');
    expect(check.exitCode, check.stdout + check.stderr).toBe(0);
  });

  // The region file a page imports, e.g. generated/guides/replication/02-….commands.mjs, in a copy.
  const regionFile = (copy: string) =>
    path.join(copy, 'generated', 'guides', 'replication', `${listSteps()[1]!.id}.commands.mjs`);

  it('fails when a step script changed after its snippet was generated', async () => {
    const copy = path.join(scratch, 'examples');
    cpSync(examplesDir, copy, { recursive: true });
    const step = path.join(copy, 'guides', 'replication', `${listSteps()[1]!.id}.mjs`);
    writeFileSync(step, readFileSync(step, 'utf8').replace('LOGIN', 'LOGIN CONNECTION LIMIT 5'));
    const check = await snippets(copy, '--check');
    expect(check.exitCode).toBe(1);
    expect(check.stdout + check.stderr).toContain(`stale:   ${regionFile(copy)}`);
    expect(check.stdout + check.stderr).toContain('npm run snippets');
  });

  it('fails when a region file was edited by hand', async () => {
    const copy = path.join(scratch, 'examples-edited');
    cpSync(examplesDir, copy, { recursive: true });
    writeFileSync(regionFile(copy), readFileSync(regionFile(copy), 'utf8').replace('LOGIN', ''));
    const check = await snippets(copy, '--check');
    expect(check.exitCode).toBe(1);
    expect(check.stdout + check.stderr).toContain(`stale:   ${regionFile(copy)}`);
  });
});

describe('recordings', () => {
  // An examples folder of its own, which the recordings of these runs go to.
  const recorded = path.join(scratch, 'recorded-examples');
  const step = listSteps().find((s) => s.id === '08-check-replica-streams')!;
  const run = (output: string): StepRun => ({
    step,
    profile: 'local',
    exitCode: 0,
    stderr: '',
    commands: [
      {
        cmd: "docker exec postgres_replica psql -U user -d postgres -c 'SELECT pg_is_in_recovery();'",
        output,
        exitCode: 0,
      },
    ],
  });
  const inRecovery = ' pg_is_in_recovery \n-------------------\n t\n(1 row)\n\n';

  it('a run that prints what was recorded matches', () => {
    expect(checkRecording(run(inRecovery), recorded, true).ok).toBe(true);
    expect(checkRecording(run(inRecovery), recorded, false)).toEqual({ ok: true, diff: '' });
  });

  it('a run that prints something else fails with a diff against the recording', () => {
    const verdict = checkRecording(run(inRecovery.replace(' t\n', ' f\n')), recorded, false);
    expect(verdict.ok).toBe(false);
    expect(verdict.diff).toMatch(/^-t$/m);
    expect(verdict.diff).toMatch(/^\+f$/m);
    // Headed with the recording's path, so a person knows which file the run is compared with.
    expect(verdict.diff).toMatch(/^--- .*recorded\/.*\.txt \(redacted\)$/m);
  });

  it('a command that changed fails, compared to the letter', () => {
    const changed = run(inRecovery);
    changed.commands[0]!.cmd = changed.commands[0]!.cmd.replace('-U user', '-U postgres');
    const verdict = checkRecording(changed, recorded, false);
    expect(verdict.ok).toBe(false);
    expect(verdict.diff).toContain('-U postgres');
  });

  it('one recording serves both profiles: the profile is not part of its path', () => {
    expect(checkRecording({ ...run(inRecovery), profile: 'official' }, recorded, false)).toEqual({
      ok: true,
      diff: '',
    });
  });

  it('record mode refuses output the matcher would read as a wildcard, names the step and the line, and writes nothing', () => {
    // pg_ctl prints its wait as dots: `waiting for server to promote.... done`.
    const promote = readFileSync(
      path.join(repoRoot, 'test', 'fixtures', 'outputs', 'pg_ctl-promote.txt'),
      'utf8',
    );
    const dir = path.join(scratch, 'refused');
    const printed = run(promote);
    printed.commands[0]!.cmd = 'docker exec -u postgres postgres_replica pg_ctl promote';
    expect(() => checkRecording(printed, dir, true)).toThrow(
      new RegExp(
        `^error: the console text of step replication/${step.id} has a line with \\.\\.\\., which a recording reads as a wildcard`,
      ),
    );
    expect(() => checkRecording(printed, dir, true)).toThrow(
      `${step.id}.txt:2: waiting for server to promote.... done`,
    );
    expect(() => checkRecording(printed, dir, true)).toThrow(
      `what to do: change examples/guides/replication/${step.id}.mjs`,
    );
    const files = stepFiles(step, dir);
    expect(existsSync(files.commands) || existsSync(files.console)).toBe(false);
    // The same output without the dots records.
    expect(checkRecording(run(promote.replace('....', '')), dir, true).ok).toBe(true);
  });

  it('a step with no recording fails and says how to record it', () => {
    const verdict = checkRecording(run(inRecovery), path.join(scratch, 'nothing-recorded'), false);
    expect(verdict.ok).toBe(false);
    expect(verdict.diff).toContain(`error: step replication/${step.id} has no recording`);
    expect(verdict.diff).toContain('what to do: record it with npm run record');
  });
});

describe('the tested-stack table', () => {
  it('is what examples/profiles.json and the pins say', () => {
    expect(readFileSync(tablePath, 'utf8')).toBe(renderTestedStack());
  });

  it('changes when a profile changes, so a stale table is caught', () => {
    const root = path.join(scratch, 'stack');
    cpSync(
      path.join(repoRoot, 'examples', 'profiles.json'),
      path.join(root, 'examples', 'profiles.json'),
    );
    cpSync(
      path.join(repoRoot, 'node_modules', 'mongosh', 'package.json'),
      path.join(root, 'node_modules', 'mongosh', 'package.json'),
    );
    const profiles = path.join(root, 'examples', 'profiles.json');
    // Another tag for the official FerretDB image, whatever the current one is.
    const text = readFileSync(profiles, 'utf8');
    const image = readProfiles(profiles).official!.env.FERRETDB_IMAGE;
    const bumped = image.replace(/:[^:/]+$/, ':9.9.9');
    expect(bumped).not.toBe(image);
    writeFileSync(profiles, text.replace(image, bumped));
    expect(renderTestedStack(root)).not.toBe(readFileSync(tablePath, 'utf8'));
    expect(renderTestedStack(root)).toContain(`\`${bumped}\``);
  });
});

describe('compose.yaml', () => {
  const compose = readFileSync(path.join(examplesDir, 'compose.yaml'), 'utf8');
  const defaults = [...compose.matchAll(/\$\{(\w+):-([^}]+)\}/g)].map(
    ([, name, value]): [string, string] => [name!, value!],
  );

  // A reader who runs a step script by hand sets no image: these defaults are what runs then.
  it('defaults to the official profile images, which the docs show', () => {
    const official: Record<string, string> = loadProfile('official').env;
    const images = defaults.filter(([name]) => name.endsWith('_IMAGE'));
    expect(images.length).toBe(4);
    for (const [name, value] of images) expect(value).toBe(official[name]);
  });

  it('requires POSTGRES_PASSWORD everywhere, with no fallback a reader could run in production', () => {
    const uses = readdirSync(examplesDir)
      .filter((name) => /^compose.*\.yaml$/.test(name))
      .flatMap((file) =>
        [
          ...readFileSync(path.join(examplesDir, file), 'utf8').matchAll(
            /\$\{POSTGRES_PASSWORD([^}]*)\}/g,
          ),
        ].map(([, rest]) => ({ file, rest })),
      );
    // Both servers' POSTGRES_PASSWORD and both FerretDBs' URLs, and the overrides' URLs.
    expect(uses.filter(({ file }) => file === 'compose.yaml')).toHaveLength(4);
    for (const { file, rest } of uses) expect(rest, file).toMatch(/^:\?/);
    expect(defaults.filter(([name]) => !name.endsWith('_IMAGE'))).toEqual([]);
  });
});

/**
 * A password written out, in the forms a command or a config line would hold one: URI credentials,
 * a conninfo's password=, an environment variable, SQL's PASSWORD '...'. A shell variable ($NAME),
 * psql's :'variable', printf's %s and sed's .* name a password without showing it.
 */
const writtenPassword =
  /\/\/\w+:(?!\$)[^@\s/]+@|\bpassword=(?!["']?[$%])\S|PASSWORD=(?!["']?[$%]|\.\*|\s)\S|PASSWORD\s+'/;

describe('no page shows a password', () => {
  it('holds for every Shell tab, recorded output and page', () => {
    const files = [
      ...readdirSync(path.join(examplesDir, 'recorded'), { recursive: true, encoding: 'utf8' })
        .filter((name) => /\.(sh|txt)$/.test(name))
        .map((name) => path.join(examplesDir, 'recorded', name)),
      ...readdirSync(docsDir)
        .filter((name) => name.endsWith('.mdx'))
        .map((name) => path.join(docsDir, name)),
    ];
    expect(files.length).toBeGreaterThan(100);
    const shown = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, index) => ({ where: `${path.relative(repoRoot, file)}:${index + 1}`, line }))
        .filter(({ line }) => writtenPassword.test(line)),
    );
    expect(shown).toEqual([]);
  });

  it('finds one written into a command, a URI, a conninfo or SQL', () => {
    for (const line of [
      'mongosh mongodb://user:password@localhost:27017/',
      'docker exec -e PGPASSWORD=replicatorpassword postgres_primary pg_basebackup',
      'host=postgres_replica user=replicator password=secret',
      "CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD 'replicatorpassword';",
    ])
      expect(line).toMatch(writtenPassword);
    for (const line of [
      'mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27017/"',
      'docker exec -e PGPASSWORD="$REPLICATION_PASSWORD" postgres_primary pg_basebackup',
      '-v conninfo="host=postgres_replica user=replicator password=$REPLICATION_PASSWORD"',
      'printf "primary_conninfo = \'host=postgres_replica user=replicator password=%s\'\\n"',
      "CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD :'password';",
      'psql -v ON_ERROR_STOP=1 -v password="$REPLICATION_PASSWORD"',
      "printf '%s\\nPOSTGRES_PASSWORD=%s\\n' x > .env",
      'sed "s/^POSTGRES_PASSWORD=.*/POSTGRES_PASSWORD=$new_password/" .env',
      'docker run -d -e POSTGRES_PASSWORD "$(docker inspect --format x y)"',
    ])
      expect(line).not.toMatch(writtenPassword);
  });
});
