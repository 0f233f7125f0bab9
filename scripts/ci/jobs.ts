/**
 * The CI's jobs and what each runs, and the one map from a changed file to the jobs it can affect.
 * The workflow (.github/workflows/tested-docs.yml, through scripts/ci/plan.ts) and
 * `npm test -- --affected <ref>` both ask this module, so a pull request runs on GitHub what it
 * runs here. The docker lane is split into a job per guide, the application page's job, and the
 * provisioning job (the images, setup and the harness's own tests).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';

import { listGuides } from '../guide/steps';
import { repoRoot } from '../repo-root';

export const FAST = 'fast';
export const BROWSER = 'browser';
export const PROVISIONING = 'provisioning';

const testFiles = (dir: string): string[] =>
  readdirSync(path.join(repoRoot, dir))
    .filter((name) => name.endsWith('.test.ts'))
    .map((name) => `${dir}/${name}`)
    .sort();

/** The docker lane's jobs, each with its test files: one per test/guide/<name>.test.ts that is a page's, the rest in provisioning. */
export function dockerJobs(): Map<string, string[]> {
  const pages = new Set(
    readdirSync(path.join(repoRoot, 'docs')).map((name) => name.replace(/\.mdx$/, '')),
  );
  const jobs = new Map<string, string[]>();
  const provisioning = testFiles('test/provision');
  for (const file of testFiles('test/guide')) {
    const name = path.basename(file, '.test.ts');
    if (pages.has(name)) jobs.set(name, [file]);
    else provisioning.push(file);
  }
  jobs.set(PROVISIONING, provisioning.sort());
  return jobs;
}

interface Rule {
  readonly pattern: RegExp;
  /** The jobs a matching file affects; the pattern's first group, when it has one, names a docker job. */
  readonly jobs: (named: string | undefined, docker: readonly string[]) => readonly string[];
}

const everyGuide = (docker: readonly string[]): string[] =>
  docker.filter((job) => job !== PROVISIONING);
const everything = (docker: readonly string[]): string[] => [FAST, BROWSER, ...docker];

/**
 * Which jobs a changed file can affect, first rule that matches; a file no rule names affects
 * every job (test/ci/jobs.test.ts holds docs/, examples/ and scripts/ to named rules).
 */
const RULES: readonly Rule[] = [
  // Every other page starts by pasting the replication guide's steps 1 to 10 (their step 00).
  {
    pattern: /^examples\/(?:guides|recorded|generated\/guides)\/replication\//,
    jobs: (_, docker) => everything(docker).filter((job) => job !== PROVISIONING),
  },
  { pattern: /^examples\/guides\/([^/]+)\//, jobs: (guide) => [guide!, FAST] },
  { pattern: /^examples\/recorded\/measured-facts\.json$/, jobs: () => [FAST] },
  // What the list of claims shows beside each test: the build, and the fast test of the claims.
  { pattern: /^examples\/recorded\/test-results\.json$/, jobs: () => [FAST, BROWSER] },
  { pattern: /^examples\/recorded\/([^/]+)\//, jobs: (page) => [page!, FAST, BROWSER] },
  { pattern: /^examples\/generated\//, jobs: () => [FAST, BROWSER] },
  { pattern: /^examples\/app\//, jobs: () => ['application', FAST] },
  // What every step runs with: the stack, the profiles' images, the shared code.
  {
    pattern: /^examples\/(?:compose[^/]*\.yaml|profiles\.json|lib\/|mongosh\/)/,
    jobs: (_, docker) => everything(docker),
  },
  { pattern: /^docs\//, jobs: () => [FAST, BROWSER] },
  // The harness: running and pasting steps, recordings, the matcher and the measured facts.
  { pattern: /^scripts\/(?:guide|outputs)\//, jobs: (_, docker) => [FAST, ...docker] },
  { pattern: /^scripts\/provision\//, jobs: (_, docker) => [FAST, ...docker] },
  {
    pattern: /^scripts\/(?:site-config|serve|browser|docs-gen|docs-rules|snippets)\//,
    jobs: () => [FAST, BROWSER],
  },
  { pattern: /^scripts\/(?:bench|ci)\//, jobs: () => [FAST] },
  { pattern: /^scripts\//, jobs: (_, docker) => everything(docker) },
  {
    pattern: /^test\/guide\/([^/]+)\.test\.ts$/,
    jobs: (name, docker) => [jobOfTest(name!, docker)],
  },
  { pattern: /^test\/provision\//, jobs: () => [PROVISIONING] },
  { pattern: /^test\/lib\//, jobs: (_, docker) => [...docker] },
  { pattern: /^test\/browser\//, jobs: () => [BROWSER] },
  { pattern: /^test\//, jobs: () => [FAST] },
  {
    pattern: /^(?:plugins|src|static)\/|^(?:docusaurus\.config|sidebars)\.ts$/,
    jobs: () => [FAST, BROWSER],
  },
  { pattern: /^(?:README\.md|bench\/|\.markdownlint|\.prettier)/, jobs: () => [FAST] },
];

function jobOfTest(name: string, docker: readonly string[]): string {
  return docker.includes(name) ? name : PROVISIONING;
}

/** The rule a file falls under, or undefined when none names it (it then affects every job). */
export function ruleOf(file: string): Rule | undefined {
  return RULES.find((rule) => rule.pattern.test(file));
}

/** Every job: fast, browser, then the docker jobs. */
export function allJobs(docker = [...dockerJobs().keys()]): string[] {
  return everything(docker);
}

/** The jobs a set of changed files can affect, in the order fast, browser, then the docker jobs. */
export function affectedJobs(
  files: readonly string[],
  docker = [...dockerJobs().keys()],
): string[] {
  const jobs = new Set<string>();
  for (const file of files) {
    const rule = ruleOf(file);
    const named = rule?.pattern.exec(file)?.[1];
    for (const job of rule ? rule.jobs(named, docker) : everything(docker)) jobs.add(job);
  }
  const all = everything(docker);
  return all.filter((job) => jobs.has(job));
}

/** The test files a job runs, as paths from the repository's root. */
export function testFilesOf(job: string): string[] {
  if (job === BROWSER) return testFiles('test/browser');
  if (job === FAST)
    return readdirSync(path.join(repoRoot, 'test'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.test.ts'))
      .map((file) => `test/${file.split(path.sep).join('/')}`)
      .filter((file) => !/^test\/(?:guide|provision|browser)\//.test(file))
      .sort();
  const files = dockerJobs().get(job);
  if (!files) throw new Error(`no CI job ${job}`);
  return files;
}

/** Every guide folder has a docker job of its own. */
export function guidesWithoutJob(docker = [...dockerJobs().keys()]): string[] {
  return listGuides().filter((guide) => !everyGuide(docker).includes(guide));
}
