/**
 * The local profile's FerretDB image: FerretDB 2 built from its Go module as a static binary, in
 * an image laid out like FerretDB's production image (images/ferretdb/Dockerfile).
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { recipeHash } from './content-hash';
import { buildGoModule } from './go-module-build';
import { dockerBuild, localName, type ImageRecipe } from './images';
import { longRun } from './progress';
import { binDir, buildDir } from './paths';
import { versionNames } from '../stack/version-names';
import { pins, type VersionSet } from '../stack/versions';

const imageDir = path.join(__dirname, 'images', 'ferretdb');
/** The image of one version set's FerretDB: the current one's unless another is named. */
export function ferretdbRecipe(set: VersionSet = pins): ImageRecipe {
  const version = set.ferretdbVersion;
  const toolchain = set.ferretdbGoToolchain;
  const hash = recipeHash(
    [__filename, path.join(__dirname, 'go-module-build.ts'), path.join(imageDir, 'Dockerfile')],
    { module: pins.ferretdbModule, version, toolchain },
  );
  return {
    ...localName(versionNames(set).images.local.ferretdb),
    hash,
    async build(tagged) {
      const binary = path.join(binDir, `ferretdb-${version}-${hash}`);
      if (!existsSync(binary)) {
        await buildGoModule({
          module: pins.ferretdbModule,
          version,
          pkg: './cmd/ferretdb',
          output: binary,
          toolchain,
          prepare(source) {
            // The module zip lacks the generated version files the binary embeds (FerretDB
            // issue 2982); without version.txt it refuses to build a release.
            const dir = path.join(source, 'build', 'version');
            writeFileSync(path.join(dir, 'version.txt'), `${version}\n`);
            writeFileSync(path.join(dir, 'package.txt'), 'docker-local\n');
          },
        });
      }
      const context = path.join(buildDir, `ferretdb-context-${hash}`);
      rmSync(context, { recursive: true, force: true });
      try {
        mkdirSync(path.join(context, 'state'), { recursive: true });
        copyFileSync(binary, path.join(context, 'ferretdb'));
        chmodSync(path.join(context, 'ferretdb'), 0o755);
        // The production image's user and group (FerretDB's build/ferretdb/passwd and group).
        writeFileSync(
          path.join(context, 'passwd'),
          'ferretdb:x:1000:1000::/nonexistent:/nonexistent\n',
        );
        writeFileSync(path.join(context, 'group'), 'ferretdb:x:1000:\n');
        copyFileSync(path.join(imageDir, 'Dockerfile'), path.join(context, 'Dockerfile'));
        await longRun(
          `docker build → ${tagged}`,
          'read the lines above; `docker info` shows whether the daemon is healthy',
          () => dockerBuild(context, tagged),
        );
      } finally {
        rmSync(context, { recursive: true, force: true });
      }
    },
  };
}
