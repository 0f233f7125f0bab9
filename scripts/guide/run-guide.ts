/**
 * `npm run guide`: the whole replication guide for a person, one line of progress per step and
 * the real output of every command, against the profile they choose. It leaves the stack running
 * to explore; `npm run guide -- --teardown` removes it (the guide's last step).
 *
 *   npm run guide                        # GUIDE_PROFILE, or official: FerretDB's published images
 *   npm run guide -- --profile local     # the images npm run setup builds here
 *   npm run guide -- --teardown
 */
import { $ } from 'zx';
import { foreignEnvFileProblem, removeGuideEnvFile } from '../../examples/lib/password.mjs';
import { parseCli } from '../cli/args';
import { interrupted, onInterrupt } from '../cli/on-interrupt';
import { SetupError } from '../user-error';
import { resolveProfile, type ResolvedProfile } from '../stack/profiles';
import { runStep } from './run-step';
import { tearDownStackNow } from './tear-down-now';
import { composeProject, listSteps, stepPath } from './steps';

const cli = parseCli({
  usage: `usage: npm run guide [-- --profile official|local] [-- --teardown]

Runs the whole replication guide, one line per step plus the real output of each command, and
leaves the stack running to explore.
  --profile NAME  official: FerretDB's published images (the default, or GUIDE_PROFILE);
                  local: the images npm run setup builds
  --teardown      remove the guide's stack instead (the guide's last step)
  -h, --help      print this and exit`,
  options: {
    profile: { type: 'string' },
    teardown: { type: 'boolean', default: false },
  },
});
const { values } = cli;

/** --profile, else GUIDE_PROFILE, else official; a name no profile has is a usage error. */
function chosenProfile(): ResolvedProfile {
  try {
    return resolveProfile('reader', values.profile);
  } catch (error) {
    if (error instanceof SetupError) cli.usageError(`${error.message}: ${error.hint}`);
    throw error;
  }
}
const profile = chosenProfile();

async function main(): Promise<number> {
  const steps = listSteps();
  const cleanUp = steps.at(-1);
  if (!cleanUp) throw new Error('examples/guides/replication holds no step');
  const todo = values.teardown ? [cleanUp] : steps.slice(0, -1);
  if (!values.teardown) {
    // compose reads examples/.env: someone else's would change what the guide starts. The guide's
    // own, left by a run that was stopped, is kept by step 1 and used again.
    const envProblem = foreignEnvFileProblem();
    if (envProblem) {
      console.error(`error: ${envProblem.message}.`);
      console.error(`  what to do: ${envProblem.hint}`);
      return 2;
    }
    const existing = await $({
      quiet: true,
      nothrow: true,
    })`docker ps -a --filter label=com.docker.compose.project=${composeProject} --format {{.Names}}`;
    if (existing.stdout.trim() !== '') {
      console.error(
        `error: the guide's containers exist already (${existing.stdout.trim().split('\n').join(', ')}).`,
      );
      console.error(
        '  what to do: look at them, or remove them and their volumes with: npm run guide -- --teardown',
      );
      return 2;
    }
  }
  const started = performance.now();
  // Interrupted half-way, the stack is neither the guide's result nor nothing: remove what this
  // run started (no container of the guide existed before it, checked above).
  const forget = values.teardown
    ? () => {}
    : onInterrupt(() => {
        tearDownStackNow(profile.env);
        console.error("  removed the guide's containers, volumes and network");
      });
  for (const [index, step] of todo.entries()) {
    const number = values.teardown ? steps.length : index + 1;
    console.log(`\n▸ [${number}/${steps.length}] ${step.title}  (npx zx ${stepPath(step)})`);
    const run = await runStep(step, { profile: profile.name, echo: true });
    // Stopped by Ctrl-C: the handler removes the stack and exits; nothing to report here.
    if (interrupted()) return new Promise<number>(() => {});
    if (run.exitCode !== 0) {
      console.error(
        `\n✘ step ${step.id} failed (exit ${run.exitCode}); the stack is left as it is for you to look at.`,
      );
      console.error('  remove it with: npm run guide -- --teardown');
      return 1;
    }
  }
  // The passwords of step 1 belong to the volumes the clean-up removed.
  forget();
  if (values.teardown) removeGuideEnvFile();
  const took = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`\n✔ ${todo.length} step(s) in ${took} s (profile ${profile.name}).`);
  if (!values.teardown)
    console.log('The stack is running. Remove it with: npm run guide -- --teardown');
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
