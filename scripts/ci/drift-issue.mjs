// The nightly run's report (.github/workflows/tested-docs.yml, job `drift`): when a step of a guide
// no longer matches its recording on the official images, one open GitHub issue, labelled
// docs-drift, says which steps, with their diffs and the image digests the run pulled; it is
// updated by every failing night and closed by the first green one.
//
//   node scripts/ci/drift-issue.mjs DIR RESULT
//
// DIR holds the docker jobs' artifacts: drift/<guide>.txt (written by test/lib/guide-harness.ts
// for each step that differs) and images-<job>.txt (the digests each job ran). RESULT is the
// docker jobs' result, success or failure. GITHUB_TOKEN, GITHUB_REPOSITORY and GITHUB_SERVER_URL,
// GITHUB_RUN_ID name the repository and the run, as Actions sets them.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const LABEL = 'docs-drift';
const [dir, result] = process.argv.slice(2);
const { GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_SERVER_URL, GITHUB_RUN_ID } = process.env;
if (!dir || !result || !GITHUB_TOKEN || !GITHUB_REPOSITORY) {
  console.error(
    'usage: node scripts/ci/drift-issue.mjs DIR RESULT, with GITHUB_TOKEN and GITHUB_REPOSITORY set',
  );
  process.exit(2);
}
const run = `${GITHUB_SERVER_URL ?? 'https://github.com'}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}`;

async function github(method, url, body) {
  const response = await fetch(`https://api.github.com/repos/${GITHUB_REPOSITORY}${url}`, {
    method,
    headers: {
      authorization: `Bearer ${GITHUB_TOKEN}`,
      accept: 'application/vnd.github+json',
      'content-type': 'application/json',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** Every file of a kind under DIR, whatever artifact folder the download put it in. */
function files(match) {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => match.test(path.basename(file)))
    .map((file) => ({
      name: path.basename(file),
      text: readFileSync(path.join(dir, file), 'utf8'),
    }));
}

const [open] = await github('GET', `/issues?state=open&labels=${LABEL}&per_page=1`);
const drift = files(/\.txt$/).filter((file) => !file.name.startsWith('images-'));
if (result === 'success' && drift.length === 0) {
  if (open) {
    await github('POST', `/issues/${open.number}/comments`, {
      body: `Green again on the official images: ${run}`,
    });
    await github('PATCH', `/issues/${open.number}`, { state: 'closed' });
  }
  process.exit(0);
}
const fence = (text) => `\`\`\`\n${text.slice(0, 20_000).trimEnd()}\n\`\`\``;
const digests = [...new Set(files(/^images-.*\.txt$/).flatMap((f) => f.text.split('\n')))]
  .filter(Boolean)
  .sort();
const body = [
  `The nightly run on the official images found steps that no longer match their recordings: ${run}`,
  '',
  '## Images it ran',
  fence(digests.join('\n') || '(no digests recorded)'),
  ...drift.flatMap((file) => [`## ${file.name.replace(/\.txt$/, '')}`, fence(file.text)]),
  ...(drift.length === 0 ? ['A docker job failed without a step report: see the run.'] : []),
  '',
  'Re-record what changed for a good reason with `npm run record -- <guide>/<step>`.',
].join('\n');
if (open) await github('PATCH', `/issues/${open.number}`, { body });
else
  await github('POST', '/issues', {
    title: 'The guide drifted from the official images',
    body,
    labels: [LABEL],
  });
