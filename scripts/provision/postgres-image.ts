/**
 * The local profile's PostgreSQL image: PostgreSQL 17 and DocumentDB's runtime dependencies from
 * Debian trixie in a minimal debootstrap root, DocumentDB built from its pinned source in a copy
 * of that root that also holds the compilers, and only what `make install` wrote copied back. The
 * image gets no compiler and no -dev package; images/postgres/docker-entrypoint.sh keeps the
 * official image's contract, and the init scripts are FerretDB's own, from DocumentDB's source.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { $ } from 'zx';
import { ensureDebPackages } from './apt';
import { recipeHash } from './content-hash';
import { documentdbArchive } from './documentdb-source';
import { dockerBuild, localName, type ImageRecipe } from './images';
import { detail, longRun } from './progress';
import { buildDir, rootsDir } from './paths';
import { versionNames } from '../stack/version-names';
import { pins, type VersionSet } from '../stack/versions';

const imageDir = path.join(__dirname, 'images', 'postgres');
const pg = pins.postgresMajor;

/** What the server and DocumentDB need at run time (libbson is linked in statically). */
const runtimePackages = [
  `postgresql-${pg}`,
  `postgresql-${pg}-cron`,
  `postgresql-${pg}-pgvector`,
  `postgresql-${pg}-postgis-3`,
  `postgresql-${pg}-rum`,
];

/** What building DocumentDB needs on top; Debian 13 has each at the version its scripts pin. */
const buildPackages = [
  'build-essential',
  'pkg-config',
  `postgresql-server-dev-${pg}`,
  'libbson-dev',
  'libpcre2-dev',
  'libintelrdfpmath-dev',
  'libicu-dev',
  'libkrb5-dev',
  'libpq-dev',
];

/**
 * DocumentDB's Makefiles ask pkg-config for `intelmathlib`, the name its install script gives the
 * decimal library it builds from Ubuntu's source. Debian packages that library (built the same
 * way: call by value, no global rounding or flags, hence libbidgcc000) without a .pc file.
 */
const intelmathlibPc = `prefix=/usr
libdir=\${prefix}/lib/x86_64-linux-gnu
includedir=\${prefix}/include

Name: intelmathlib
Description: Intel Decimal Floating-Point Math Library (Debian's libintelrdfpmath-dev)
Version: 2.0u3
Cflags: -I\${includedir}
Libs: -L\${libdir} -lbidgcc000
`;

/** Paths the image does not need. */
const trimmed = [
  'var/cache/apt',
  'var/lib/apt/lists',
  'usr/share/doc',
  'usr/share/man',
  'usr/share/info',
  'usr/share/locale',
  'var/lib/postgresql',
  'etc/postgresql',
];

type DocumentdbPin = VersionSet['documentdb'];

/** The image of one version set's DocumentDB: the current one's unless another is named. */
export function postgresRecipe(set: VersionSet = pins): ImageRecipe {
  const documentdb = set.documentdb;
  const hash = recipeHash(
    [__filename, path.join(imageDir, 'Dockerfile'), path.join(imageDir, 'docker-entrypoint.sh')],
    { suite: pins.debianSuite, major: pg, documentdb, runtimePackages, buildPackages },
  );
  return {
    ...localName(versionNames(set).images.local.postgres),
    hash,
    async build(tagged) {
      // First, so that a wrong archive stops setup before anything is built.
      const source = await documentdbArchive(documentdb);
      detail(`DocumentDB source: ${source.file} (${source.proof})`);
      await ensureDebPackages(['debootstrap']);
      const work = path.join(buildDir, `postgres-${hash}`);
      rmSync(work, { recursive: true, force: true }); // what an interrupted run left
      mkdirSync(work, { recursive: true });
      try {
        const root = path.join(work, 'rootfs');
        await bootstrap(root);
        await buildDocumentdb(root, path.join(work, 'builder'), source.file, documentdb);
        await finishRoot(root, source.file, documentdb);
        await longRun(
          'packing the root file system',
          'check the free disk space (df -h), then run setup again',
          () => $({ quiet: true })`tar -C ${root} -cf ${path.join(work, 'rootfs.tar')} .`,
        );
        rmSync(root, { recursive: true, force: true });
        for (const file of ['Dockerfile', 'docker-entrypoint.sh'])
          copyFileSync(path.join(imageDir, file), path.join(work, file));
        await longRun(
          `docker build → ${tagged}`,
          'read the lines above; `docker info` shows whether the daemon is healthy',
          () => dockerBuild(work, tagged),
        );
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    },
  };
}

/**
 * Makes `root` with `make`, or unpacks the root an earlier build made from the same inputs: both
 * version sets' images start from the same Debian root, so the second image of a setup run (and
 * any later rebuild) skips debootstrap and apt-get. Kept as a tar under .cache/roots, named by a
 * hash of what went into it, and written elsewhere first, so that an interrupted run leaves no
 * half root behind a real name.
 */
async function cachedRoot(
  what: string,
  inputs: unknown,
  root: string,
  make: () => Promise<void>,
): Promise<void> {
  const name = `${recipeHash([], inputs)}.tar`;
  const tar = path.join(rootsDir, name);
  if (existsSync(tar)) {
    mkdirSync(root, { recursive: true });
    await longRun(
      `unpacking the ${what} an earlier build made`,
      'run setup again',
      () => $({ quiet: true })`tar -C ${root} --numeric-owner -xpf ${tar}`,
    );
    return;
  }
  await make();
  mkdirSync(rootsDir, { recursive: true });
  // Under .cache/build, which an interrupted build's clean-up empties (images.ts).
  const partial = path.join(buildDir, `root-${name}`);
  try {
    await $({ quiet: true })`tar -C ${root} --numeric-owner -cf ${partial} .`;
    renameSync(partial, tar);
  } finally {
    rmSync(partial, { force: true });
  }
}

async function bootstrap(root: string): Promise<void> {
  const inputs = { suite: pins.debianSuite, mirror: pins.debianMirror, runtimePackages };
  await cachedRoot('Debian root', inputs, root, async () => {
    await longRun(
      `debootstrap ${pins.debianSuite} with ${runtimePackages.join(', ')} (about a minute)`,
      `check that this machine reaches ${pins.debianMirror} (apt-get update works), then run setup again`,
      () =>
        $({
          quiet: true,
        })`debootstrap --variant=minbase --include=${runtimePackages.join(',')} ${pins.debianSuite} ${root} ${pins.debianMirror}`,
    );
  });
  // As the official image does: the server listens on every address; pg_hba.conf decides who gets in.
  const sample = path.join(root, 'usr', 'share', 'postgresql', pg, 'postgresql.conf.sample');
  const text = readFileSync(sample, 'utf8');
  const listening = text.replace(/^#?listen_addresses\s*=\s*\S+/m, "listen_addresses = '*'");
  if (listening === text) throw new Error(`no listen_addresses line in ${sample}`);
  writeFileSync(sample, listening);
}

/**
 * Builds DocumentDB's two extensions in a copy of the runtime root with the build packages added,
 * and copies only what `make install` wrote into the runtime root.
 */
async function buildDocumentdb(
  root: string,
  builder: string,
  archive: string,
  documentdb: DocumentdbPin,
): Promise<void> {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const inputs = {
    suite: pins.debianSuite,
    mirror: pins.debianMirror,
    runtimePackages,
    buildPackages,
  };
  await cachedRoot('build root', inputs, builder, async () => {
    // cp -a: the root holds device nodes (/dev), which Node's cpSync cannot copy.
    await $({ quiet: true })`cp -a ${root} ${builder}`;
    await longRun(
      `apt-get install ${buildPackages.length} build packages into the build root`,
      `check that this machine reaches ${pins.debianMirror}, then run setup again`,
      async () => {
        await $({ quiet: true, env })`chroot ${builder} apt-get update -q`;
        await $({
          quiet: true,
          env,
        })`chroot ${builder} apt-get install -y -q --no-install-recommends ${buildPackages}`;
      },
    );
  });
  writeFileSync(
    path.join(builder, 'usr/lib/x86_64-linux-gnu/pkgconfig/intelmathlib.pc'),
    intelmathlibPc,
  );
  await $({ quiet: true })`tar -C ${path.join(builder, 'usr/src')} -xzf ${archive}`;
  const src = `/usr/src/documentdb-${documentdb.version}`;
  for (const [dir, extension] of [
    ['pg_documentdb_core', 'documentdb_core'],
    ['pg_documentdb', 'documentdb'],
  ] as const)
    writeVersionHeader(path.join(builder, src, dir), extension, documentdb);
  // -Wno-error=deprecated-declarations: Debian's libbson 1.30 deprecates bson_as_json, and the
  // Makefiles build with -Werror. install-no-distributed's two parts (the distributed part needs
  // Citus, which FerretDB does not use).
  const make = [
    `make -C ${src}/pg_documentdb_core -j2 COPT=-Wno-error=deprecated-declarations`,
    `make -C ${src}/pg_documentdb_core install DESTDIR=/staging`,
    `make -C ${src}/pg_documentdb -j2 COPT=-Wno-error=deprecated-declarations`,
    `make -C ${src}/pg_documentdb install DESTDIR=/staging`,
  ].join(' && ');
  await longRun(
    `building DocumentDB ${documentdb.version} (about a minute and a half on 2 cores)`,
    'the compiler says why above; a changed Debian package (apt-cache policy libbson-dev) is the usual cause — report it with these lines',
    () => $({ quiet: true })`chroot ${builder} sh -c ${make}`,
  );
  await $({ quiet: true })`cp -a ${path.join(builder, 'staging')}/. ${root}/`;
  rmSync(builder, { recursive: true, force: true });
}

/**
 * The version string the extension reports is generated from the git checkout it is built in
 * (scripts/generate_extension_version.sh); an archive has none and would say
 * "gitref: unknown sha:unknown buildId:unknown", which FerretDB warns about. Written here as that
 * script writes it for a checkout of the pinned commit, newer than its inputs so make keeps it.
 */
function writeVersionHeader(
  extensionDir: string,
  extension: string,
  documentdb: DocumentdbPin,
): void {
  const control = readFileSync(path.join(extensionDir, `${extension}.control`), 'utf8');
  const version = /^default_version = '(.*)'$/m.exec(control)?.[1]?.replace('-', '.');
  if (!version) throw new Error(`no default_version in ${extension}.control`);
  const [, gitPart] = /^\S+ gitref: (.*)$/.exec(documentdb.binaryVersion) ?? [];
  const metadata = path.join(extensionDir, 'build', 'include', 'metadata');
  mkdirSync(metadata, { recursive: true });
  writeFileSync(
    path.join(metadata, 'documentdb_extension_version.h'),
    `// Written by scripts/provision/postgres-image.ts for commit ${documentdb.commit}\n` +
      `#define EXTENSION_VERSION_STR "${version}"\n#define GIT_VERSION "${gitPart}"\n`,
  );
}

/** FerretDB's init scripts, trimming, and the data directory. */
async function finishRoot(root: string, archive: string, documentdb: DocumentdbPin): Promise<void> {
  // The same first-init scripts as FerretDB's image (its production.Dockerfile copies these two
  // from DocumentDB's packaging/): preload settings, then CREATE EXTENSION documentdb CASCADE.
  const initDir = path.join(root, 'docker-entrypoint-initdb.d');
  mkdirSync(initDir, { recursive: true });
  const prefix = `documentdb-${documentdb.version}/packaging`;
  await $({
    quiet: true,
  })`tar -C ${initDir} -xzf ${archive} --strip-components=2 ${`${prefix}/10-preload.sh`} ${`${prefix}/20-install.sql`}`;
  for (const dir of trimmed) rmSync(path.join(root, dir), { recursive: true, force: true });
  mkdirSync(path.join(root, 'var/lib/postgresql/data'), { recursive: true });
  await $`chroot ${root} chown -R postgres:postgres /var/lib/postgresql`;
}
