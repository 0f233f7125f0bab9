/**
 * The versions the guide's running stack reports of itself: FerretDB's `ferretdb --version`, and
 * PostgreSQL's server_version and DocumentDB's binary_extended_version() through psql, each read
 * with `docker exec` in the guide's containers (their names are compose.yaml's container_name).
 * `npm run record` writes them beside each step's recording (scripts/guide/recordings.ts), and
 * `npm run bench -- lag` names the stack it measured with them.
 *
 * A container that is down, or not started yet, is no error: its part stays unknown, so a caller
 * can measure again once a later step has started it (RunMeasurement).
 *
 * To check it by hand against a running stack:
 *   node --import tsx -e "require('./scripts/guide/stack-versions').measureStack().then(console.log)"
 */
import { $ } from 'zx';

export interface StackVersions {
  /** What `ferretdb --version` prints after `version: `, e.g. v2.5.0. */
  ferretdb: string;
  /** PostgreSQL's server_version, e.g. 17.6 (Debian 17.6-1.pgdg120+1). */
  postgresql: string;
  /** documentdb_api.binary_extended_version(), e.g. 0.106.0 gitref: HEAD sha:beb9d25d98 buildId:0. */
  documentdb: string;
}

/**
 * Where each part can be read, in order: the primary first, and the replica when the primary is
 * down (the failover and synchronous-replication guides kill it). Both run the same image.
 */
const POSTGRES_CONTAINERS = ['postgres_primary', 'postgres_replica'] as const;
const FERRETDB_CONTAINERS = ['ferretdb', 'ferretdb_readonly'] as const;

/** psql's field separator below; neither version string holds it. */
const SEPARATOR = ' | ';
const POSTGRES_SQL = `SELECT current_setting('server_version'), documentdb_api.binary_extended_version()`;

/** Quiet, never throwing, and bounded: a container that hangs must not hang the recording. */
const probe = { quiet: true, nothrow: true, verbose: false, timeout: '20s' } as const;

/** PostgreSQL's and DocumentDB's versions from `psql -At -F ' | '` of POSTGRES_SQL, or undefined. */
export function parsePostgresVersions(
  stdout: string,
): Pick<StackVersions, 'postgresql' | 'documentdb'> | undefined {
  const [postgresql = '', documentdb = '', ...rest] = stdout.trim().split(SEPARATOR);
  if (postgresql === '' || documentdb === '' || rest.length > 0) return undefined;
  return { postgresql, documentdb };
}

/** FerretDB's version from what `ferretdb --version` prints (`version: v2.5.0`, then commit, …). */
export function parseFerretdbVersion(stdout: string): string | undefined {
  return /^version: (\S+)$/m.exec(stdout)?.[1];
}

async function postgresVersions(): Promise<Partial<StackVersions>> {
  for (const container of POSTGRES_CONTAINERS) {
    // The same local connection the pages' waits use, which every guide's password allows.
    const run = await $(
      probe,
    )`docker exec ${container} psql -U user -d postgres -AtX -F ${SEPARATOR} -c ${POSTGRES_SQL}`;
    const versions = run.exitCode === 0 ? parsePostgresVersions(run.stdout) : undefined;
    if (versions) return versions;
  }
  return {};
}

async function ferretdbVersion(): Promise<Partial<StackVersions>> {
  for (const container of FERRETDB_CONTAINERS) {
    // Both images hold the binary at /ferretdb (FerretDB's production layout, which setup's copies).
    const run = await $(probe)`docker exec ${container} /ferretdb --version`;
    const ferretdb = run.exitCode === 0 ? parseFerretdbVersion(run.stdout) : undefined;
    if (ferretdb) return { ferretdb };
  }
  return {};
}

/** What the running containers report; a part no container reports is left out. */
export async function measureStack(
  wanted: ReadonlySet<keyof StackVersions> = new Set(['ferretdb', 'postgresql', 'documentdb']),
): Promise<Partial<StackVersions>> {
  const postgres =
    wanted.has('postgresql') || wanted.has('documentdb') ? await postgresVersions() : {};
  const ferretdb = wanted.has('ferretdb') ? await ferretdbVersion() : {};
  return { ...postgres, ...ferretdb };
}

function isComplete(versions: Partial<StackVersions>): versions is StackVersions {
  return (
    versions.ferretdb !== undefined &&
    versions.postgresql !== undefined &&
    versions.documentdb !== undefined
  );
}

/**
 * One record run's measurement. A run's steps share one stack of one version set, so each part is
 * measured until a container first reports it and then kept: the first step, which starts only
 * the primary, learns PostgreSQL's versions; the step that starts FerretDB, FerretDB's; a clean-up
 * step, after which nothing answers, reuses what the run measured. Once every part is known, no
 * step runs `docker exec` again.
 */
export class RunMeasurement {
  private known: Partial<StackVersions> = {};

  constructor(private readonly measure: typeof measureStack = measureStack) {}

  /** What the run knows now, after measuring the parts it did not know yet. */
  async update(): Promise<Partial<StackVersions>> {
    if (!isComplete(this.known)) {
      const parts = ['ferretdb', 'postgresql', 'documentdb'] as const;
      const missing = new Set(parts.filter((part) => this.known[part] === undefined));
      this.known = { ...(await this.measure(missing)), ...this.known };
    }
    return { ...this.known };
  }
}
