// Waiting for what PostgreSQL does in the background (a replica reconnecting, catching up, logging
// an error), for the guides that stop, cut and restart servers. The probes are quiet: they are not
// part of a step's commands, only the pause a reader makes before the next command.
import { $, sleep } from 'zx';

const quiet = { quiet: true, nothrow: true, verbose: false, timeout: '20s' };

/** One value from psql in a container, or undefined while the server does not answer. */
async function value(container, sql) {
  const run = await $(quiet)`docker exec ${container} psql -U user -d postgres -AtX -c ${sql}`;
  return run.exitCode === 0 ? run.stdout.trim() : undefined;
}

/** Polls `check` once a second until it holds; fails after `seconds`. */
export async function until(what, check, seconds = 120) {
  for (let i = 0; i < seconds; i++) {
    if (await check()) return;
    await sleep(1000);
  }
  throw new Error(`waited ${seconds} s for ${what}`);
}

/** Waits until the replica has replayed everything the primary has written so far. */
export async function caughtUp(replica = 'postgres_replica', primary = 'postgres_primary') {
  const target = await value(primary, 'SELECT pg_current_wal_lsn()');
  if (!target) throw new Error(`${primary} does not answer`);
  await until(
    `${replica} to replay the primary's WAL up to ${target}`,
    async () =>
      (await value(replica, `SELECT pg_last_wal_replay_lsn() >= '${target}'::pg_lsn`)) === 't',
  );
}

/** Waits until the replica's WAL receiver streams from the primary. */
export async function streaming(replica = 'postgres_replica') {
  await until(
    `${replica} to stream from the primary`,
    async () => (await value(replica, 'SELECT status FROM pg_stat_wal_receiver')) === 'streaming',
  );
}

/** Waits until a FerretDB query whose SQL contains `text` runs on the server in `container`. */
export async function queryRunning(container, text) {
  const sql = `SELECT count(*) FROM pg_stat_activity WHERE application_name = 'FerretDB' AND state = 'active' AND query LIKE '%${text}%'`;
  await until(
    `a FerretDB query with ${text} to run on ${container}`,
    async () => Number(await value(container, sql)) > 0,
  );
}

/** Waits until a container's log holds a line with `text`. */
export async function logged(container, text) {
  await until(`"${text}" in the log of ${container}`, async () => {
    const logs = await $(quiet)`docker logs ${container}`;
    return (logs.stdout + logs.stderr).includes(text);
  });
}

/** Waits until a replica streams through the named replication slot. */
export async function slotActive(slot) {
  await until(
    `the replication slot ${slot} to be in use`,
    async () =>
      (await value(
        'postgres_primary',
        `SELECT active FROM pg_replication_slots WHERE slot_name = '${slot}'`,
      )) === 't',
  );
}
