/**
 * The local profile's PostgreSQL image: Debian's postgresql package in a minimal debootstrap
 * root, imported as an image (no registry, no base image needed), with an entrypoint that honours
 * the official image's contract (images/postgres/docker-entrypoint.sh).
 */
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { $ } from 'zx';
import { ensureDebPackages } from './apt';
import { recipeHash } from './content-hash';
import { dockerBuild, type ImageRecipe } from './images';
import { detail } from './progress';
import { buildDir } from './paths';
import { pins } from './versions';

const imageDir = path.join(__dirname, 'images', 'postgres');
const recipePins = { suite: pins.debianSuite, major: pins.postgresMajor };

/** Paths the image does not need; dropping them halves its size. */
const trimmed = [
  'var/cache/apt/archives',
  'var/lib/apt/lists',
  'usr/share/doc',
  'usr/share/man',
  'usr/share/info',
  'usr/share/locale',
  'var/lib/postgresql',
  'etc/postgresql',
];

export function postgresRecipe(): ImageRecipe {
  const hash = recipeHash(
    [__filename, path.join(imageDir, 'Dockerfile'), path.join(imageDir, 'docker-entrypoint.sh')],
    recipePins,
  );
  return {
    repository: 'ferretdb-guide/postgres',
    stableTag: `${pins.postgresMajor}-local`,
    hash,
    async build(tagged) {
      await ensureDebPackages(['debootstrap']);
      const root = path.join(buildDir, `postgres-rootfs-${hash}`);
      rmSync(root, { recursive: true, force: true }); // a half-finished root from an interrupted run
      mkdirSync(buildDir, { recursive: true });
      detail(
        `debootstrap ${pins.debianSuite} with postgresql-${pins.postgresMajor} (about a minute)`,
      );
      await $({
        quiet: true,
      })`debootstrap --variant=minbase --include=postgresql-${pins.postgresMajor} ${pins.debianSuite} ${root} ${pins.debianMirror}`;
      for (const dir of trimmed) rmSync(path.join(root, dir), { recursive: true, force: true });
      mkdirSync(path.join(root, 'var/lib/postgresql/data'), { recursive: true });
      await $`chroot ${root} chown -R postgres:postgres /var/lib/postgresql`;
      const context = path.join(buildDir, `postgres-context-${hash}`);
      rmSync(context, { recursive: true, force: true });
      mkdirSync(context, { recursive: true });
      await $({ quiet: true })`tar -C ${root} -cf ${path.join(context, 'rootfs.tar')} .`;
      for (const file of ['Dockerfile', 'docker-entrypoint.sh'])
        copyFileSync(path.join(imageDir, file), path.join(context, file));
      detail(`docker build → ${tagged}`);
      await dockerBuild(context, tagged);
      rmSync(context, { recursive: true, force: true });
      rmSync(root, { recursive: true, force: true });
    },
  };
}
