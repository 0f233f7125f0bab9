/**
 * Builds a Go program from a pinned module version taken from the Go module proxy.
 * `go install module/cmd@version` is not enough for either program we need: FerretDB's build
 * embeds build/version/version.txt, which the module zip lacks (FerretDB issue 2982), and compose's
 * go.mod has exclude directives, which `go install pkg@version` refuses. So: download the module,
 * copy it somewhere writable, adjust it, and `go build` inside the copy.
 */
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { $ } from 'zx';
import { SetupError } from '../user-error';
import { longRun } from './progress';
import { buildDir } from './paths';

export interface GoBuild {
  module: string;
  version: string;
  /** Package to build, relative to the module root, e.g. ./cmd/ferretdb. */
  pkg: string;
  output: string;
  ldflags?: string;
  /** Runs in the writable copy before `go build`. */
  prepare?: (sourceDir: string) => Promise<void> | void;
  /** A Go toolchain the module needs (e.g. go1.24.6), fetched from the module proxy by GOTOOLCHAIN. */
  toolchain?: string;
}

const goEnv = {
  ...process.env,
  CGO_ENABLED: '0',
  GOTOOLCHAIN: 'local',
  GOFLAGS: '-mod=mod -buildvcs=false',
};

export async function buildGoModule(build: GoBuild): Promise<void> {
  if ((await $({ nothrow: true, quiet: true })`go version`).exitCode !== 0) {
    throw new SetupError(
      'the Go toolchain is not on PATH',
      'install Go 1.24 or newer (https://go.dev/dl) and re-run setup',
    );
  }
  const info = JSON.parse(
    (
      await longRun(
        `go mod download ${build.module}@${build.version}`,
        'check access to the Go module proxy (go env GOPROXY), then run setup again',
        () =>
          $({
            env: goEnv,
            quiet: true,
            nothrow: true,
          })`go mod download -json ${`${build.module}@${build.version}`}`,
      )
    ).stdout,
  ) as { Dir?: string; Error?: string };
  if (!info.Dir)
    throw new SetupError(
      `cannot download ${build.module}@${build.version}: ${info.Error}`,
      'check access to the Go module proxy (GOPROXY)',
    );
  const source = path.join(buildDir, `${path.basename(build.module)}-${build.version}`);
  rmSync(source, { recursive: true, force: true });
  mkdirSync(buildDir, { recursive: true });
  cpSync(info.Dir, source, { recursive: true });
  await $`chmod -R u+w ${source}`; // the module cache is read-only
  await build.prepare?.(source);
  mkdirSync(path.dirname(build.output), { recursive: true });
  const flags = build.ldflags ? ['-ldflags', build.ldflags] : [];
  await longRun(
    `go build ${build.module}@${build.version}${build.toolchain ? ` with ${build.toolchain}` : ''}`,
    'check access to the Go module proxy (go env GOPROXY); the lines above say what failed',
    () =>
      $({
        env: { ...goEnv, GOTOOLCHAIN: build.toolchain ?? goEnv.GOTOOLCHAIN },
        cwd: source,
        quiet: true,
      })`go build -trimpath ${flags} -o ${build.output} ${build.pkg}`,
  );
  if (!existsSync(build.output)) throw new Error(`go build did not write ${build.output}`);
  rmSync(source, { recursive: true, force: true });
}
