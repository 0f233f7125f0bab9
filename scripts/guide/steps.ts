/**
 * The guide's steps are the zx scripts in examples/steps, run in file-name order. The test harness
 * and `npm run guide` both take the list from here, so a script added there is run by both.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const examplesDir = path.join(repoRoot, 'examples');
export const stepsDir = path.join(examplesDir, 'steps');
export const recordedDir = path.join(examplesDir, 'recorded');
export const composeFile = path.join(examplesDir, 'compose.yaml');
/** compose.yaml's `name:`; every container, volume and network of the guide carries it as a label. */
export const composeProject = 'ferretdb-replication';

export interface Step {
  /** File name without extension, e.g. 02-create-replication-role. */
  id: string;
  file: string;
  /** The script's first comment line: what the step does. */
  title: string;
}

export function listSteps(dir = stepsDir): Step[] {
  return readdirSync(dir)
    .filter((name) => /^\d\d-[a-z0-9-]+\.mjs$/.test(name))
    .sort()
    .map((name) => {
      const file = path.join(dir, name);
      const comment = readFileSync(file, 'utf8')
        .split('\n')
        .find((line) => line.startsWith('// '));
      return {
        id: name.replace(/\.mjs$/, ''),
        file,
        title: comment?.slice(3).replace(/\.$/, '') ?? name,
      };
    });
}
