/**
 * A planned switchover and the old primary rejoining with pg_rewind: writes go on through
 * FerretDB on the new primary, every document acknowledged before the switchover is there, and
 * the old primary streams from the new one without a new base backup.
 */
import { describe, expect, it } from 'vitest';
import { postgresPassword } from '../../examples/lib/password.mjs';
import { compose, psqlRows } from '../lib/compose-project';
import {
  ferretdb,
  itStartsFromTheReplicationGuide,
  itCleansUp,
  profile,
  runAndCompare,
  stepsOf,
  useCleanProject,
  itComparedEveryStep,
} from '../lib/guide-harness';

const step = stepsOf('switchover');
const acknowledged: number[] = [];

describe.sequential(`switchover and rejoining (profile ${profile})`, () => {
  useCleanProject();
  itStartsFromTheReplicationGuide('switchover');

  it('01 turns wal_log_hints on, which pg_rewind needs without data checksums', async () => {
    await runAndCompare(step('01-allow-rewind'));
    expect(await psqlRows('postgres_primary', 'SHOW data_checksums')).toEqual([['off']]);
    expect(await psqlRows('postgres_primary', 'SHOW wal_log_hints')).toEqual([['on']]);
  });

  it('02–03 stop writes and the primary cleanly; the replica has replayed past its shutdown checkpoint', async () => {
    const client = ferretdb(27017);
    try {
      for (let seq = 1; seq <= 100; seq += 1) {
        const result = await client.db('test').collection('load').insertOne({ seq });
        if (result.acknowledged) acknowledged.push(seq);
      }
    } finally {
      await client.close();
    }
    await runAndCompare(step('02-stop-the-primary'));
    const run = await runAndCompare(step('03-check-replica-has-everything'));
    expect(run.commands[0]?.output).toMatch(/\|\s+t\s*$/m);
  });

  it('04 fences the old primary, promotes the replica and points FerretDB at it; no acknowledged write is lost', async () => {
    await runAndCompare(step('04-promote-the-replica'));
    expect(await psqlRows('postgres_replica', 'SELECT pg_is_in_recovery()')).toEqual([['f']]);
    const client = ferretdb(27017);
    try {
      const docs = await client.db('test').collection('load').find().toArray();
      expect(docs.map((d) => d.seq as number).sort((a, b) => a - b)).toEqual(acknowledged);
    } finally {
      await client.close();
    }
  });

  it('05–06 rewinds the old primary and starts it as a replica of the new one', async () => {
    // As root, the container's default user, pg_rewind refuses before it touches anything.
    const asRoot = await compose([
      ...['run', '--rm', '--no-deps', '--entrypoint', 'pg_rewind', 'postgres_primary'],
      '--target-pgdata=/var/lib/postgresql/data',
      `--source-server=host=postgres_replica user=user password=${postgresPassword()} dbname=postgres`,
    ]);
    expect(asRoot.exitCode).toBe(1);
    expect(asRoot.stderr).toContain('cannot be executed by "root"');
    const rewind = await runAndCompare(step('05-rewind-the-old-primary'));
    expect(rewind.commands[0]?.exitCode).toBe(0);
    await runAndCompare(step('06-rejoin-as-replica'));
    expect(await psqlRows('postgres_primary', 'SELECT pg_is_in_recovery()')).toEqual([['t']]);
    expect(
      await psqlRows('postgres_primary', 'SELECT status, sender_host FROM pg_stat_wal_receiver'),
    ).toEqual([['streaming', 'postgres_replica']]);
    expect(
      await psqlRows('postgres_replica', 'SELECT usename, state FROM pg_stat_replication'),
    ).toEqual([['replicator', 'streaming']]);
  });

  it('07 writes through FerretDB on the new primary, and the old primary has it', async () => {
    const run = await runAndCompare(step('07-write-and-read-back'));
    expect(run.commands[0]?.output.trim()).toBe('true');
  });

  it('08–09 after a divergence, pg_rewind copies back what differs: the write made on the wrong server is gone, and the old primary streams again', async () => {
    await runAndCompare(step('08-diverge'));
    // The promotion in step 8 removed the old primary's standby.signal: step 9 writes it again.
    const signal = await compose([
      ...['run', '--rm', '--no-deps', '--entrypoint', 'ls', 'postgres_primary'],
      '/var/lib/postgresql/data/standby.signal',
    ]);
    expect(signal.exitCode).not.toBe(0);
    const run = await runAndCompare(step('09-rewind-what-diverged'));
    expect(run.commands[0]?.output).toContain('rewinding from last common checkpoint');
    expect(run.commands[0]?.output).toContain('Done!');
    await runAndCompare(step('start-the-rewound-server'));
    expect(
      await psqlRows(
        'postgres_primary',
        "SELECT to_regclass('written_on_the_wrong_server') IS NULL",
      ),
    ).toEqual([['t']]);
    expect(
      await psqlRows('postgres_primary', 'SELECT status, sender_host FROM pg_stat_wal_receiver'),
    ).toEqual([['streaming', 'postgres_replica']]);
    expect(
      await psqlRows(
        'postgres_primary',
        "SELECT count(*) FROM documentdb_api.collection('test', 'record')",
      ),
    ).toEqual([['2']]);
    // The rewind copied the new primary's postgresql.auto.conf, which never had wal_log_hints on.
    expect(await psqlRows('postgres_primary', 'SHOW wal_log_hints')).toEqual([['off']]);
    expect(await psqlRows('postgres_replica', 'SHOW wal_log_hints')).toEqual([['off']]);
  });

  itCleansUp('switchover');
  itComparedEveryStep('switchover');
});
