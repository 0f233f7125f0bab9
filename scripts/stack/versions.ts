/**
 * Every pinned version of the stack, in one place. Both profiles run this one version set:
 * `official` on FerretDB's published images, `local` on images setup builds here from the same
 * versions. The "How this guide is tested" table is generated from these, image tags hash them
 * (bumping one rebuilds what depends on it), and setup refuses a profile that pairs a FerretDB
 * with a DocumentDB made for another FerretDB release.
 */
/** One FerretDB release with the DocumentDB made for it: what one pair of images carries. */
export interface VersionSet {
  documentdb: {
    version: string;
    tag: string;
    commit: string;
    tree: string;
    archive: string;
    sha256: string;
    url: string;
    binaryVersion: string;
  };
  ferretdbVersion: string;
  ferretdbGoToolchain: string;
}

export const pins = {
  /** Debian release the PostgreSQL image is bootstrapped from: its packages carry PostgreSQL 17
   * and every DocumentDB dependency at the versions DocumentDB's build scripts pin. */
  debianSuite: 'trixie',
  debianMirror: 'http://deb.debian.org/debian',
  postgresMajor: '17',

  /** FerretDB's fork of DocumentDB, at the tag FerretDB 2.5.0 names as its match. */
  documentdb: {
    version: '0.106.0-ferretdb-2.5.0',
    tag: 'v0.106.0-ferretdb-2.5.0',
    commit: 'beb9d25d9845477c85559d3293cd1f929cdf2b9c',
    /** The tag's git tree: what any archive of the tag must hold, whatever its gzip bytes. */
    tree: '815b891e05f78f0635552ba63aecbd13c7b6aed7',
    archive: 'documentdb-0.106.0-ferretdb-2.5.0.tar.gz',
    /** sha256 of the archive in the offline source cache (shared/vendor). */
    sha256: 'c06c5b2287ac9e439c9fbcfc1095c605d81975e1e6792aa83eb4c9f7008b7eff',
    url: 'https://github.com/FerretDB/documentdb/archive/refs/tags/v0.106.0-ferretdb-2.5.0.tar.gz',
    /**
     * What `documentdb_api.binary_extended_version()` prints in FerretDB's image, and what
     * FerretDB 2.5.0 expects (its build/version/documentdb.go); any other string makes it log
     * "Unexpected DocumentDB version". Built from a git checkout of the tag in detached HEAD,
     * DocumentDB's generate_extension_version.sh writes exactly this.
     */
    binaryVersion: '0.106.0 gitref: HEAD sha:beb9d25d98 buildId:0',
  },

  /** FerretDB 2 runs on PostgreSQL with DocumentDB. */
  ferretdbModule: 'github.com/FerretDB/FerretDB/v2',
  ferretdbVersion: 'v2.5.0',
  /**
   * v2.5.0 builds only with Go 1.24 (cmd/ferretdb/gomaxprocs.go is `//go:build !go1.25`);
   * GOTOOLCHAIN fetches this toolchain from the Go module proxy when the local Go is newer.
   */
  ferretdbGoToolchain: 'go1.24.6',

  /**
   * compose v2.40 still negotiates the Docker API down to 1.41, which Debian's docker.io (20.10) speaks;
   * test/provision/compose-api.test.ts proves it against the running daemon.
   */
  composeModule: 'github.com/docker/compose/v2',
  composeVersion: 'v2.40.3',

  /**
   * The version set the upgrade page starts from: two releases back, as a team that skipped one
   * upgrades (v2.4.0 is not on the Go module proxy). Built here and published by FerretDB like the
   * current one; FerretDB 2.3.0 expects exactly this DocumentDB (its build/version/documentdb.go).
   */
  upgradeFrom: {
    documentdb: {
      version: '0.104.0-ferretdb-2.3.0',
      tag: 'v0.104.0-ferretdb-2.3.0',
      commit: '2045d0e0d7a6237b5e8848fc27d8e112ffb44ab9',
      tree: '7cb0fca4659d7cb0666767f549722686b2986495',
      archive: 'documentdb-0.104.0-ferretdb-2.3.0.tar.gz',
      sha256: 'dfa4ae0837313e2e133dcbbc824c979cc89d080c3664d266ca2ed99b98a7bf04',
      url: 'https://github.com/FerretDB/documentdb/archive/refs/tags/v0.104.0-ferretdb-2.3.0.tar.gz',
      binaryVersion: '0.104.0 gitref: HEAD sha:2045d0e buildId:0',
    },
    ferretdbVersion: 'v2.3.0',
    ferretdbGoToolchain: 'go1.24.6',
  },
} as const;
