/**
 * Every pinned version of the tested (local) stack, in one place. The "How this guide is tested"
 * page is checked against these, and image tags hash them, so bumping one rebuilds what depends on it.
 */
export const pins = {
  /** Debian release the images are bootstrapped from; PostgreSQL 15 is its postgresql package. */
  debianSuite: 'bookworm',
  debianMirror: 'http://deb.debian.org/debian',
  postgresMajor: '15',
  /** v1.24 runs on plain PostgreSQL; v2 needs the DocumentDB extension, which no registry here serves. */
  ferretdbModule: 'github.com/FerretDB/FerretDB',
  ferretdbVersion: 'v1.24.2',
  /**
   * compose v2.40 still negotiates the Docker API down to 1.41, which Debian's docker.io (20.10) speaks;
   * test/provision/compose-api.test.ts proves it against the running daemon.
   */
  composeModule: 'github.com/docker/compose/v2',
  composeVersion: 'v2.40.3',
} as const;
