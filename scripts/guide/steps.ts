/**
 * The steps, and where each one's files are. Each guide is a folder of zx scripts,
 * examples/guides/<guide>/<name>.mjs, run in the order its page (docs/<guide>.mdx) shows them; a
 * step's id is its guide and its script's name (failover/02-check-replica-caught-up), and the id
 * says where everything about it is (stepFiles). The number in most names is only part of the
 * name: a step inserted between two others is a new script with any name and a step line where
 * the page should show it, and no other step's files change. The test harness, the recorder, `npm run guide`, the pages' step lines and the
 * docs checks all take the lists and the paths from here, so a script added to a folder is run,
 * shown and checked without being registered anywhere else.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { regionFile } from '../snippets/regions';
import { GENERATED_DIR } from '../snippets/tree';
import { repoRoot } from '../repo-root';

export { repoRoot };

/** The folders of an examples folder: the step scripts, and their recorded runs. */
const GUIDES = 'guides';
const RECORDED = 'recorded';

export const examplesDir = examplesIn(repoRoot);
export const guidesDir = guidesIn(examplesDir);
export const recordedDir = path.join(examplesDir, RECORDED);
export const composeFile = path.join(examplesDir, 'compose.yaml');
/** compose.yaml's `name:`; every container, volume and network of the guide carries it as a label. */
export const composeProject = 'ferretdb-replication';

/** What names a step: its guide and its script's name. */
export interface StepRef {
  guide: string;
  /** File name without extension, e.g. 02-create-replication-role. */
  id: string;
}

export interface Step extends StepRef {
  file: string;
  /** The script's first comment line: what the step does. */
  title: string;
}

const STEP_NAME = /^[a-z0-9][a-z0-9-]*\.mjs$/;
/** A page's step line, as docs/<guide>.mdx writes it (scripts/site-config/step-lines.ts reads it whole). */
const STEP_LINE = /^::step\{id="([a-z0-9-]+)\/([a-z0-9-]+)"\}\s*$/gm;
const GUIDE_NAME = /^[a-z0-9-]+$/;

/** The examples folder of a repository root: this one's, or a test's fixture. */
export function examplesIn(root: string): string {
  return path.join(root, 'examples');
}

/** The folder of the guides' scripts, in an examples folder: the repository's, or a test's copy. */
export function guidesIn(examples: string): string {
  return path.join(examples, GUIDES);
}

export function listGuides(dir = guidesDir): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/**
 * The ids of a guide's steps in the order its page shows them: the page is what a reader pastes,
 * block after block, so it decides the order, and the tests run that order. The page of a guide is
 * docs/<guide>.mdx beside the examples folder of `dir`.
 */
function pageOrder(guide: string, dir: string): string[] {
  const page = path.join(path.dirname(path.dirname(dir)), 'docs', `${guide}.mdx`);
  if (!existsSync(page)) return [];
  return [...readFileSync(page, 'utf8').matchAll(STEP_LINE)]
    .filter((line) => line[1] === guide)
    .map((line) => `${line[2]!}.mjs`);
}

/**
 * A guide's steps in the order its page shows them; a script no step line names yet comes last,
 * by name (the docs checks then say that no page shows it).
 */
export function listSteps(guide = 'replication', dir = guidesDir): Step[] {
  const names = readdirSync(path.join(dir, guide)).filter((name) => STEP_NAME.test(name));
  const shown = pageOrder(guide, dir).filter((name) => names.includes(name));
  const rest = names.filter((name) => !shown.includes(name)).sort();
  return [...new Set(shown), ...rest].map((name) => {
    const file = path.join(dir, guide, name);
    const comment = readFileSync(file, 'utf8')
      .split('\n')
      .find((line) => line.startsWith('// '));
    const title = comment?.slice(3).replace(/\.$/, '') ?? name;
    return { guide, id: name.replace(/\.mjs$/, ''), file, title };
  });
}

/** The step's path as a reader types it, from the repository root. */
export function stepPath(step: Step): string {
  return path.relative(repoRoot, step.file);
}

/** The step's id as messages, the README and the pages' step lines write it: guide/name. */
export function stepId(step: StepRef): string {
  return `${step.guide}/${step.id}`;
}

/** The step an id names, or undefined when the text is not shaped like an id (it may name no step). */
export function parseStepId(text: string): StepRef | undefined {
  const [guide = '', id = '', ...rest] = text.split('/');
  if (rest.length > 0 || !GUIDE_NAME.test(guide) || !STEP_NAME.test(`${id}.mjs`)) return undefined;
  return { guide, id };
}

/** The files of one step, as absolute paths. */
export interface StepFiles {
  /** The zx script the tests run, as a reader does: guides/<guide>/<id>.mjs. */
  script: string;
  /** Its `commands` region, which the page shows (npm run snippets cuts it from the script). */
  region: string;
  /** The commands it ran, recorded, which the page shows in its Shell tab: recorded/<guide>/<id>.sh. */
  commands: string;
  /** The console session it printed, recorded, which the page shows as its Output: …/<id>.txt. */
  console: string;
  /**
   * What the recording was verified against (the day, the profile's images, the versions the
   * running stack reported), written with it and shown under its Output: …/<id>.verified.json
   * (scripts/guide/verified.ts).
   */
  verified: string;
}

/** The region of a step script that the page shows. */
export const SHOWN_REGION = 'commands';

/** Where a step's files are, under an examples folder: the repository's, or a test's copy. */
export function stepFiles(step: StepRef, examples = examplesDir): StepFiles {
  // Relative to the examples folder, with `/`, as the snippets name a source.
  const script = `${GUIDES}/${step.guide}/${step.id}.mjs`;
  const recorded = path.join(examples, RECORDED, step.guide, step.id);
  return {
    script: path.join(examples, script),
    region: path.join(examples, GENERATED_DIR, regionFile(script, SHOWN_REGION)),
    commands: `${recorded}.sh`,
    console: `${recorded}.txt`,
    verified: `${recorded}.verified.json`,
  };
}

/**
 * The step a file belongs to, when it is one of stepFiles' (absolute, under examples); the step
 * need not exist, so a page that imports the files of a removed step is still caught.
 */
export function stepOfFile(file: string, examples = examplesDir): StepRef | undefined {
  const relative = path.relative(examples, file).split(path.sep);
  const guide = relative.at(-2) ?? '';
  const id = (relative.at(-1) ?? '').replace(/\..*$/, '');
  const step = parseStepId(`${guide}/${id}`);
  // A recorded file of no step (a measured fact beside the recordings) is not a step's.
  if (step === undefined || !existsSync(path.join(guidesIn(examples), guide, `${id}.mjs`)))
    return undefined;
  return Object.values(stepFiles(step, examples)).includes(path.resolve(file)) ? step : undefined;
}
