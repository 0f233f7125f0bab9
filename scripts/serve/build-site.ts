// npm run build: builds the site into a new folder and makes build/ that build once it is
// complete (scripts/serve/build-and-swap.ts), so a site being served from build/ stays whole.
import path from 'node:path';

import { parseCli } from '../cli/args';
import { buildAndSwap, BuildError } from './build-and-swap';

parseCli({
  usage: `usage: npm run build

Builds the site (docusaurus build) into a new folder next to build/, then makes build/ that
build in one rename: a server running meanwhile (npm start) serves the last build until then.
  -h, --help  print this and exit`,
  options: {},
});

buildAndSwap().then(
  (folder) =>
    console.log(`build/ is now ${path.basename(folder)}/, complete; the build before is kept.`),
  (error: unknown) => {
    if (!(error instanceof BuildError)) throw error;
    // docusaurus has shown its own output above.
    console.error(
      `error: ${error.message.trim()}\n  what to do: fix what it says, then build again`,
    );
    process.exitCode = 1;
  },
);
