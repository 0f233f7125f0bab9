/**
 * The replication guide, run for real: every step script in examples/guides/replication, in order, against
 * containers of the selected profile (local here). Each run is compared with its recording
 * (what the docs show), and the claims the outputs only suggest are checked on their own.
 */
import { readFileSync, statSync } from 'node:fs';
import { $ } from 'zx';
import { describe, expect, it } from 'vitest';
import { envFile, envFileMarker, envFileVariables } from '../../examples/lib/password.mjs';
import { runStep } from '../../scripts/guide/run-step';
import { examplesDir, stepFiles } from '../../scripts/guide/steps';
import {
  caughtUp,
  execIn,
  compose,
  containerEnv,
  containerIdentity,
  leftovers,
  psqlRows,
  streamingSource,
  untilTrue,
} from '../lib/compose-project';
import {
  ferretdb,
  READ_ONLY_REFUSAL,
  profile,
  runAndCompare as compare,
  stepsOf,
  useCleanProject,
  itComparedEveryStep,
} from '../lib/guide-harness';

const step = stepsOf('replication');
const runAndCompare = (id: string) => compare(step(id));

describe.sequential(`the replication guide (profile ${profile})`, () => {
  useCleanProject();

  it('01 starts the primary, and running it again changes nothing', async () => {
    await runAndCompare('01-start-primary');
    // The same container, started once: not recreated, not restarted.
    const identity = () => containerIdentity('postgres_primary');
    const before = await identity();
    const written = readFileSync(envFile, 'utf8');
    const again = await runStep(step('01-start-primary'), { profile });
    expect(again.exitCode).toBe(0);
    expect(await identity()).toBe(before);
    // The passwords the data directory was made with stay: the second run keeps .env.
    expect(readFileSync(envFile, 'utf8')).toBe(written);
    // The probe sees what an exit code cannot: a restart, which also exits 0.
    await $({ quiet: true })`docker restart postgres_primary`;
    expect(await identity()).not.toBe(before);
    expect((await compose(['up', '-d', '--wait', 'postgres_primary'])).exitCode).toBe(0);
  });

  it('01 generates both passwords into examples/.env, mode 600, and no command or output shows them', async () => {
    const passwords = envFileVariables();
    expect(readFileSync(envFile, 'utf8')).toBe(
      `${envFileMarker}\nPOSTGRES_PASSWORD=${passwords.POSTGRES_PASSWORD}\nREPLICATION_PASSWORD=${passwords.REPLICATION_PASSWORD}\n`,
    );
    expect(passwords.POSTGRES_PASSWORD).toMatch(/^[0-9a-f]{48}$/);
    expect(passwords.REPLICATION_PASSWORD).toMatch(/^[0-9a-f]{48}$/);
    expect(passwords.REPLICATION_PASSWORD).not.toBe(passwords.POSTGRES_PASSWORD);
    expect(statSync(envFile).mode & 0o777).toBe(0o600);
    const shown = readFileSync(stepFiles(step('01-start-primary')).console, 'utf8');
    for (const password of Object.values(passwords)) expect(shown).not.toContain(password);
    // compose read POSTGRES_PASSWORD from the file: the primary was initialised with it.
    expect(await containerEnv('postgres_primary')).toContain(
      `POSTGRES_PASSWORD=${passwords.POSTGRES_PASSWORD}`,
    );
  });

  it('without POSTGRES_PASSWORD, compose refuses to start anything and says where to set it', async () => {
    // --env-file /dev/null: compose reads that instead of examples/.env, as if the file were lost.
    const { POSTGRES_PASSWORD: _unset, ...env } = process.env;
    const up = await $({
      quiet: true,
      nothrow: true,
      cwd: examplesDir,
      env,
    })`docker compose --env-file /dev/null up -d --no-recreate postgres_primary`;
    expect(up.exitCode).toBe(1);
    expect(up.stderr).toContain(
      'required variable POSTGRES_PASSWORD is missing a value: set it in .env, as step 1 of the replication guide does',
    );
  });

  it('02 creates the replication role, and says so when run twice', async () => {
    await runAndCompare('02-create-replication-role');
    expect(
      await psqlRows(
        'postgres_primary',
        "SELECT rolreplication, rolcanlogin FROM pg_roles WHERE rolname = 'replicator'",
      ),
    ).toEqual([['t', 't']]);
    const again = await runStep(step('02-create-replication-role'), { profile });
    // With ON_ERROR_STOP, psql stops at the failed statement and exits 3; zx then stops the script.
    expect(again.exitCode).toBe(1);
    expect(again.commands.at(-1)?.exitCode).toBe(3);
    expect(again.commands.at(-1)?.output).toContain('role "replicator" already exists');
  });

  it('03 configures the primary, and is safe to run twice', async () => {
    await runAndCompare('03-configure-primary');
    const again = await runStep(step('03-configure-primary'), { profile });
    expect(again.exitCode).toBe(0);
    const hba = await psqlRows(
      'postgres_primary',
      "SELECT count(*) FROM pg_hba_file_rules WHERE user_name = '{replicator}'",
    );
    expect(hba).toEqual([['1']]);
  });

  it('04 shows the primary configuration', async () => {
    await runAndCompare('04-check-primary-config');
  });

  it('05 makes the replica from a base backup, and refuses to overwrite it when run twice', async () => {
    await runAndCompare('05-base-backup');
    // The entrypoint found a cluster in the data directory, and left it to the server as it was
    // (the official image's entrypoint says so in its words, the local image's in its own).
    const log = await $({ quiet: true })`docker logs postgres_replica`;
    expect(log.stdout + log.stderr).toMatch(/skipping initiali[sz]ation/i);
    expect(
      await execIn('postgres_replica', ['stat', '-c', '%U', '/var/lib/postgresql/data/PG_VERSION']),
    ).toBe('postgres\n');
    const again = await runStep(step('05-base-backup'), { profile });
    expect(again.exitCode).toBe(1);
    expect(again.commands.at(-1)?.exitCode).toBe(1);
    expect(again.commands.at(-1)?.output).toMatch(
      /directory "\/tmp\/replica_backup" exists but is not empty/,
    );
  });

  it('06 shows the replica knows its primary', async () => {
    await runAndCompare('06-check-replica-config');
  });

  it('07 shows the primary streaming to one replica', async () => {
    await runAndCompare('07-check-primary-sees-replica');
    const rows = await psqlRows(
      'postgres_primary',
      'SELECT usename, state, sync_state FROM pg_stat_replication',
    );
    expect(rows).toEqual([['replicator', 'streaming', 'async']]);
    // Caught up, the replica's reported positions equal what the primary has sent.
    await untilTrue(
      'postgres_primary',
      'SELECT sent_lsn = write_lsn AND sent_lsn = flush_lsn AND sent_lsn = replay_lsn FROM pg_stat_replication',
    );
  });

  it('08 shows the replica in recovery, streaming from postgres_primary (not from itself)', async () => {
    await runAndCompare('08-check-replica-streams');
    expect(await psqlRows('postgres_replica', 'SELECT pg_is_in_recovery()')).toEqual([['t']]);
    expect(await streamingSource()).toEqual({
      conninfoHost: 'postgres_primary',
      receivers: ['streaming from postgres_primary'],
      primaryStreamsTo: 1,
    });
  });

  it("streams WAL as the primary flushes it, before the transaction that wrote it commits (the page's Primary section)", async () => {
    const [[start]] = (await psqlRows('postgres_primary', 'SELECT pg_current_wal_lsn()')) as [
      [string],
    ];
    // A transaction that writes ~30 MB of WAL (more than wal_buffers holds, so it is flushed as it
    // goes), then stays open: it never commits.
    const open = $({
      quiet: true,
      nothrow: true,
    })`docker exec postgres_primary psql -U user -d postgres -c ${'BEGIN; CREATE TABLE never_committed AS SELECT n, repeat(md5(n::text), 4) AS pad FROM generate_series(1, 200000) AS n; SELECT pg_sleep(120); ROLLBACK;'}`;
    try {
      await expect
        .poll(
          async () =>
            (
              await psqlRows(
                'postgres_primary',
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'PgSleep' AND query LIKE '%never_committed%'",
              )
            )[0]![0],
          { timeout: 60_000, interval: 200 },
        )
        .toBe('1');
      // Still open on the primary, and its WAL is already on the replica.
      // (The WAL writer flushes what the open transaction left in wal_buffers within 200 ms.)
      await expect
        .poll(
          () =>
            psqlRows(
              'postgres_replica',
              `SELECT pg_wal_lsn_diff(pg_last_wal_receive_lsn(), '${start}') > 20 * 1024 * 1024`,
            ),
          { timeout: 10_000, interval: 200 },
        )
        .toEqual([['t']]);
      expect(
        await psqlRows('postgres_primary', "SELECT to_regclass('never_committed') IS NULL"),
      ).toEqual([['t']]);
    } finally {
      await psqlRows(
        'postgres_primary',
        "SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE query LIKE '%never_committed%' AND pid <> pg_backend_pid()",
      );
      await open;
    }
  });

  it('09 writes a document through FerretDB on the primary', async () => {
    await runAndCompare('09-start-ferretdb');
    // The mechanism a client negotiates for the guide's user: SCRAM-SHA-256.
    const client = ferretdb(27017);
    try {
      const hello = await client
        .db('admin')
        .command({ hello: 1, saslSupportedMechs: 'admin.user' });
      expect(hello.saslSupportedMechs).toEqual(['SCRAM-SHA-256']);
    } finally {
      await client.close();
    }
  });

  it('10 reads that document, field for field, through the read-only FerretDB', async () => {
    await runAndCompare('10-read-through-replica');
    const primary = ferretdb(27017);
    const replica = ferretdb(27018);
    try {
      const written = await primary.db('test').collection('record').find().toArray();
      const read = await replica.db('test').collection('record').find().toArray();
      expect(written).toHaveLength(1);
      expect(read).toEqual(written);
      const sun = Buffer.from('Enjoying the beautiful weather today! \u{1F31E} #sunnyday', 'utf8');
      expect(Buffer.from(String(read[0]?.content), 'utf8').equals(sun)).toBe(true);
      expect(read[0]).toMatchObject({ username: 'Ada Lovelace', likes: 120 });
      expect(read[0]?.timestamp).toBeInstanceOf(Date);
    } finally {
      await Promise.all([primary.close(), replica.close()]);
    }
  });

  it("does not replicate an unlogged table's contents: the replica cannot read one", async () => {
    await psqlRows('postgres_primary', 'CREATE UNLOGGED TABLE not_replicated AS SELECT 1 AS n');
    await caughtUp();
    const read = await $({
      quiet: true,
      nothrow: true,
    })`docker exec postgres_replica psql -U user -d postgres -c ${'SELECT n FROM not_replicated'}`;
    expect(read.exitCode).not.toBe(0);
    expect(read.stderr).toContain('cannot access temporary or unlogged relations during recovery');
    await psqlRows('postgres_primary', 'DROP TABLE not_replicated');
  });

  it('11 shows the read-only FerretDB refusing a write, which a driver sees too', async () => {
    await runAndCompare('11-write-through-replica-fails');
    // The replica's PostgreSQL runs every transaction read-only, whoever connects.
    expect(await psqlRows('postgres_replica', 'SHOW transaction_read_only')).toEqual([['on']]);
    const replica = ferretdb(27018);
    try {
      await expect(
        replica.db('test').collection('record').insertOne({ probe: true }),
      ).rejects.toThrow(READ_ONLY_REFUSAL);
    } finally {
      await replica.close();
    }
  });

  it('12 removes everything it created', async () => {
    await runAndCompare('12-clean-up');
    expect(await leftovers()).toEqual([]);
  });

  itComparedEveryStep('replication');
});
