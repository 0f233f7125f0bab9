/**
 * Each guide is a folder of zx scripts, examples/guides/<guide>/NN-name.mjs, run in file-name order.
 * The test harness, `npm run guide` and the docs checks all take the lists from here, so a script
 * added to a folder is run, shown and checked without being registered anywhere else.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const examplesDir = path.join(repoRoot, 'examples');
export const guidesDir = path.join(examplesDir, 'guides');
export const recordedDir = path.join(examplesDir, 'recorded');
export const composeFile = path.join(examplesDir, 'compose.yaml');
/** compose.yaml's `name:`; every container, volume and network of the guide carries it as a label. */
export const composeProject = 'ferretdb-replication';

export interface Step {
  guide: string;
  /** File name without extension, e.g. 02-create-replication-role. */
  id: string;
  file: string;
  /** The script's first comment line: what the step does. */
  title: string;
}

const STEP_NAME = /^\d\d-[a-z0-9-]+\.mjs$/;

export function listGuides(dir = guidesDir): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

export function listSteps(guide = 'replication', dir = guidesDir): Step[] {
  return readdirSync(path.join(dir, guide))
    .filter((name) => STEP_NAME.test(name))
    .sort()
    .map((name) => {
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
