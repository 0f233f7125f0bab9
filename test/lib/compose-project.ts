/**
 * The guide's compose project seen from the tests, through testcontainers' Docker client: its
 * containers, their logs, `exec` for the checks that do not go through the guide's own commands,
 * and a teardown that leaves no container, volume or network behind.
 */
import { getContainerRuntimeClient } from 'testcontainers';
import { expect } from 'vitest';
import { $ } from 'zx';
import { resolveProfile } from '../../scripts/stack/profiles';
import { tearDownStackNow } from '../../scripts/guide/tear-down-now';
import { composeFile, composeProject } from '../../scripts/guide/steps';
import { envFileOwner } from '../../examples/lib/password.mjs';

/** The profile the tests run: GUIDE_PROFILE, else local (scripts/stack/profiles.ts decides). */
export const testProfile = resolveProfile('tests');

/** `docker compose` on the guide's compose file with the profile's images, as the step scripts run it. */
export function compose(args: string[]) {
  return $({
    quiet: true,
    nothrow: true,
    env: { ...process.env, ...testProfile.env },
  })`docker compose -f ${composeFile} ${args}`;
}

const projectLabel = 'com.docker.compose.project';

async function projectContainers() {
  const client = await getContainerRuntimeClient();
  const all = await client.container.list();
  return { client, containers: all.filter((info) => info.Labels[projectLabel] === composeProject) };
}

/** Runs a command in a container of the project; fails the test when it exits non-zero. */
export async function execIn(service: string, command: string[]): Promise<string> {
  const { client, containers } = await projectContainers();
  const info = containers.find((c) => c.Labels['com.docker.compose.service'] === service);
  if (!info) throw new Error(`no running container for service ${service}`);
  const result = await client.container.exec(client.container.getById(info.Id), command);
  if (result.exitCode !== 0)
    throw new Error(
      `${command.join(' ')} in ${service} exited ${result.exitCode}: ${result.output}`,
    );
  return result.stdout;
}

/** A container's environment as it was created: one `NAME=value` string per variable. */
export async function containerEnv(container: string): Promise<string[]> {
  const inspect = await $({
    quiet: true,
  })`docker inspect -f ${'{{json .Config.Env}}'} ${container}`;
  return JSON.parse(inspect.stdout) as string[];
}

/** psql in unaligned, tuples-only mode: one row a line, cells split on '|'. */
export async function psqlRows(service: string, sql: string): Promise<string[][]> {
  const out = await execIn(service, ['psql', '-U', 'user', '-d', 'postgres', '-AtX', '-c', sql]);
  return out
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.split('|'));
}

/** The last lines each of the project's containers logged, for a failure report. */
export async function containerLogTails(lines = 25): Promise<string> {
  const logs = await compose(['logs', '--no-color', '--tail', String(lines)]);
  return logs.stdout + logs.stderr;
}

/**
 * Removes the project's containers, volumes and network, and examples/.env if the replication guide
 * wrote it: the one teardown (scripts/guide/tear-down-now.ts) that an interrupted run uses too.
 */
export async function tearDownProject(): Promise<void> {
  tearDownStackNow(testProfile.env);
}

/** What is left of the project: empty after a clean teardown. */
export async function leftovers(): Promise<string[]> {
  const label = `label=${projectLabel}=${composeProject}`;
  const found = await Promise.all([
    $({ quiet: true })`docker ps -a --filter ${label} --format container:{{.Names}}`,
    $({ quiet: true })`docker volume ls --filter ${label} --format volume:{{.Name}}`,
    $({ quiet: true })`docker network ls --filter ${label} --format network:{{.Name}}`,
  ]);
  // The guide's .env too: its passwords belong to the volumes a clean-up removes.
  const envFileLeft = envFileOwner() === 'guide' ? ['file:examples/.env'] : [];
  return [...found.flatMap((out) => out.stdout.split('\n').filter(Boolean)), ...envFileLeft];
}

/** Where a replica streams from, as each side says it. */
export interface StreamingSource {
  /** The host= of the replica's primary_conninfo; null when it names none (libpq's default, the local socket). */
  conninfoHost: string | null;
  /** The replica's WAL receiver, if one runs: "<status> from <sender_host>". */
  receivers: string[];
  /** Replicas the primary streams to (rows of pg_stat_replication). */
  primaryStreamsTo: number;
}

/**
 * The facts that tell a replica streaming from postgres_primary from one that only looks like a
 * replica: test/guide/replication.test.ts expects the first of the guide's replica, and
 * test/guide/differences.test.ts the second of the source guide's, with this one probe.
 */
export async function streamingSource(replica = 'postgres_replica'): Promise<StreamingSource> {
  const conninfo = (await psqlRows(replica, 'SHOW primary_conninfo'))[0]?.[0] ?? '';
  const receivers = await psqlRows(
    replica,
    "SELECT status, coalesce(sender_host, '') FROM pg_stat_wal_receiver",
  );
  const streaming = await psqlRows('postgres_primary', 'SELECT count(*) FROM pg_stat_replication');
  return {
    conninfoHost: /(?:^|\s)host=(\S+)/.exec(conninfo)?.[1] ?? null,
    receivers: receivers.map(([status, sender]) => `${status} from ${sender}`),
    primaryStreamsTo: Number(streaming[0]?.[0]),
  };
}

/**
 * A container's id, start time and restart count: the same before and after means it was neither
 * recreated nor restarted (an exit code cannot tell; a restart exits 0 too).
 */
export async function containerIdentity(container: string): Promise<string> {
  const inspect = '{{.Id}} {{.State.StartedAt}} {{.RestartCount}}';
  return (await $({ quiet: true })`docker inspect --format ${inspect} ${container}`).stdout.trim();
}

/**
 * Asks a service `sql`, a query that answers one boolean, until it answers true: the tests wait on
 * the event they need, never for a time. Fails after `seconds`, naming the service and the query.
 */
export async function untilTrue(service: string, sql: string, seconds = 30): Promise<void> {
  await expect
    .poll(() => psqlRows(service, sql), {
      timeout: seconds * 1000,
      interval: 200,
      message: `${service} never answered t to: ${sql}`,
    })
    .toEqual([['t']]);
}

/**
 * Waits until a replica has replayed everything its primary had written when the wait began: the
 * tests' own probe, for what a test does between two steps (the pages show their waits).
 */
export async function caughtUp(
  replica = 'postgres_replica',
  primary = 'postgres_primary',
): Promise<void> {
  const [[target] = []] = await psqlRows(primary, 'SELECT pg_current_wal_lsn()');
  const deadline = Date.now() + 120_000;
  for (;;) {
    const rows = await psqlRows(
      replica,
      `SELECT pg_last_wal_replay_lsn() >= '${target}'::pg_lsn`,
    ).catch(() => []);
    if (rows[0]?.[0] === 't') return;
    if (Date.now() > deadline)
      throw new Error(`${replica} did not replay ${primary}'s WAL up to ${target} within 120 s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
