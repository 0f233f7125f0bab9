/**
 * The local profile's FerretDB image: FerretDB v1 (it runs on plain PostgreSQL) built from its Go
 * module as a static binary, imported as a one-file image.
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { recipeHash } from './content-hash';
import { buildGoModule } from './go-module-build';
import { dockerBuild, type ImageRecipe } from './images';
import { detail } from './progress';
import { binDir, buildDir } from './paths';
import { pins } from './versions';

const imageDir = path.join(__dirname, 'images', 'ferretdb');
const recipePins = { module: pins.ferretdbModule, version: pins.ferretdbVersion };

export function ferretdbRecipe(): ImageRecipe {
  const hash = recipeHash(
    [__filename, path.join(__dirname, 'go-module-build.ts'), path.join(imageDir, 'Dockerfile')],
    recipePins,
  );
  return {
    repository: 'ferretdb-guide/ferretdb',
    stableTag: `${pins.ferretdbVersion.slice(1)}-local`,
    hash,
    async build(tagged) {
      const binary = path.join(binDir, `ferretdb-${pins.ferretdbVersion}-${hash}`);
      if (!existsSync(binary)) {
        await buildGoModule({
          module: pins.ferretdbModule,
          version: pins.ferretdbVersion,
          pkg: './cmd/ferretdb',
          output: binary,
          prepare(source) {
            writeFileSync(
              path.join(source, 'build', 'version', 'version.txt'),
              `${pins.ferretdbVersion}\n`,
            );
            writeFileSync(path.join(source, 'build', 'version', 'package.txt'), 'docker-local\n');
          },
        });
      }
      const root = path.join(buildDir, `ferretdb-rootfs-${hash}`);
      rmSync(root, { recursive: true, force: true });
      for (const dir of ['state', 'tmp']) mkdirSync(path.join(root, dir), { recursive: true });
      chmodSync(path.join(root, 'tmp'), 0o1777);
      copyFileSync(binary, path.join(root, 'ferretdb'));
      chmodSync(path.join(root, 'ferretdb'), 0o755);
      copyFileSync(path.join(imageDir, 'Dockerfile'), path.join(root, 'Dockerfile'));
      detail(`docker build → ${tagged}`);
      await dockerBuild(root, tagged);
      rmSync(root, { recursive: true, force: true });
    },
  };
}
