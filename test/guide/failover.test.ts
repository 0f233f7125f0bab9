/**
 * The failover guide: lose the primary to SIGKILL, fence it, promote the replica, point FerretDB at it.
 * Every write acknowledged and replicated before the kill must be there afterwards, writes must
 * work again, and the old primary must not take writes if it comes back.
 */
import { readFileSync } from 'node:fs';
import { $ } from 'zx';
import { describe, expect, it } from 'vitest';
import { examplesDir, stepFiles } from '../../scripts/guide/steps';
import { postgresPassword } from '../../examples/lib/password.mjs';
import { compose, psqlRows, untilTrue } from '../lib/compose-project';
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

const step = stepsOf('failover');
const acknowledged: number[] = [];

describe.sequential(`the failover guide (profile ${profile})`, () => {
  useCleanProject();
  itStartsFromTheReplicationGuide('failover');

  it('01–02 write, then see the replica caught up', async () => {
    await runAndCompare(step('01-write-orders'));
    // More acknowledged writes, one by one, from a driver.
    const client = ferretdb(27017);
    try {
      for (let seq = 1; seq <= 200; seq += 1) {
        const result = await client.db('test').collection('load').insertOne({ seq });
        if (result.acknowledged) acknowledged.push(seq);
      }
    } finally {
      await client.close();
    }
    expect(acknowledged).toHaveLength(200);
    await runAndCompare(step('02-check-replica-caught-up'));
  });

  it("02 waits on the replica, not on the primary's view of it: it does not return while the replica replays nothing", async () => {
    // The commands exactly as the page shows them, run while the replica receives WAL but replays none.
    const shown = readFileSync(stepFiles(step('02-check-replica-caught-up')).commands, 'utf8');
    await psqlRows('postgres_replica', 'SELECT pg_wal_replay_pause()');
    try {
      const client = ferretdb(27017);
      try {
        await client.db('test').collection('unreplayed').insertOne({ probe: true });
      } finally {
        await client.close();
      }
      const waiting = await $({
        quiet: true,
        nothrow: true,
        cwd: examplesDir,
      })`timeout 5 bash -c ${shown}`;
      expect(waiting.exitCode, 'timeout(1) ends a command still running with 124').toBe(124);
      expect(waiting.stdout).toBe('');
    } finally {
      await psqlRows('postgres_replica', 'SELECT pg_wal_replay_resume()');
    }
    const done = await $({ quiet: true, cwd: examplesDir })`timeout 60 bash -c ${shown}`;
    expect(done.stdout).toMatch(/\|\s+t\s*$/m);
  });

  it('with replay paused, 50 acknowledged writes reach the replica and are flushed there, not replayed', async () => {
    await psqlRows('postgres_replica', 'SELECT pg_wal_replay_pause()');
    const client = ferretdb(27017);
    try {
      for (let n = 1; n <= 50; n += 1)
        await client.db('test').collection('flushed_not_replayed').insertOne({ n });
    } finally {
      await client.close();
    }
    const [[end]] = (await psqlRows('postgres_primary', 'SELECT pg_current_wal_lsn()')) as [
      [string],
    ];
    await untilTrue(
      'postgres_replica',
      `SELECT pg_last_wal_receive_lsn() >= '${end}' AND pg_last_wal_replay_lsn() < '${end}'`,
    );
  });

  it('03–04 lose the primary to SIGKILL, and fence it while it is down', async () => {
    await runAndCompare(step('03-lose-the-primary'));
    // SIGKILL: the exit status is 128 + 9, and PostgreSQL had no chance to shut down.
    const killed = await $({ quiet: true })`docker inspect -f {{.State.ExitCode}} postgres_primary`;
    expect(killed.stdout.trim()).toBe('137');
    await runAndCompare(step('04-fence-the-old-primary'));
    // The fence is on the old primary's volume before anything is promoted.
    const fence = await compose([
      ...['run', '--rm', '--no-deps', '--entrypoint', 'ls', 'postgres_primary'],
      '/var/lib/postgresql/data/standby.signal',
    ]);
    expect(fence.stdout.trim()).toBe('/var/lib/postgresql/data/standby.signal');
  });

  it("05 promotes the replica; pg_ctl refuses root, as the page's note says, and answers the postgres user", async () => {
    const asRoot = await $({
      quiet: true,
      nothrow: true,
    })`docker exec postgres_replica pg_ctl promote`;
    expect(asRoot.exitCode).toBe(1);
    expect(asRoot.stderr).toContain('pg_ctl: cannot be run as root');
    expect(await psqlRows('postgres_replica', 'SELECT pg_is_in_recovery()')).toEqual([['t']]);
    const asOwner = await $({
      quiet: true,
      nothrow: true,
    })`docker exec -u postgres postgres_replica pg_ctl status`;
    expect(asOwner.exitCode).toBe(0);
    expect(asOwner.stdout).toContain('server is running');
    await runAndCompare(step('05-promote-the-replica'));
    expect(await psqlRows('postgres_replica', 'SELECT pg_is_in_recovery()')).toEqual([['f']]);
  });

  it('a promotion first replays what the replica had flushed: the 50 writes made with replay paused are there', async () => {
    const client = ferretdb(27018);
    try {
      expect(await client.db('test').collection('flushed_not_replayed').countDocuments()).toBe(50);
    } finally {
      await client.close();
    }
  });

  it('06–07 point FerretDB at the new primary; writes work again, and every write acknowledged and replicated before the kill is there', async () => {
    await runAndCompare(step('06-point-ferretdb-at-it'));
    await runAndCompare(step('07-write-after-failover'));
    const client = ferretdb(27017);
    try {
      const docs = await client.db('test').collection('load').find().toArray();
      expect(docs.map((d) => d.seq as number).sort((a, b) => a - b)).toEqual(acknowledged);
      await client.db('test').collection('load').insertOne({ seq: 201 });
      expect(await client.db('test').collection('load').countDocuments()).toBe(201);
    } finally {
      await client.close();
    }
    // The read-only FerretDB's server is the new primary now: a write through port 27018 goes in.
    const formerReadOnly = ferretdb(27018);
    try {
      await formerReadOnly.db('test').collection('load').insertOne({ seq: 202 });
    } finally {
      await formerReadOnly.close();
    }
    const written = ferretdb(27017);
    try {
      expect(await written.db('test').collection('load').countDocuments({ seq: 202 })).toBe(1);
    } finally {
      await written.close();
    }
  });

  it('08 the fenced old primary, started again, refuses writes', async () => {
    const run = await runAndCompare(step('08-old-primary-is-read-only'));
    expect(run.commands[2]?.output).toContain(
      'cannot execute CREATE TABLE in a read-only transaction',
    );
    expect(run.commands[2]?.exitCode).toBe(1);
    // It follows nobody: its configuration names no primary to stream from.
    const conninfo = await compose([
      ...['run', '--rm', '--no-deps', '--entrypoint', 'grep', 'postgres_primary'],
      ...['-c', 'primary_conninfo', '/var/lib/postgresql/data/postgresql.auto.conf'],
    ]);
    expect(conninfo.stdout.trim()).toBe('0');
  });

  it('pg_rewind refuses the stopped old primary: it has neither data checksums nor wal_log_hints', async () => {
    const source = `host=postgres_replica user=user password=${postgresPassword()} dbname=postgres`;
    const rewind = await compose([
      ...['run', '--rm', '--no-deps', '--user', 'postgres', '--entrypoint', 'pg_rewind'],
      ...['postgres_primary', '--target-pgdata=/var/lib/postgresql/data'],
      `--source-server=${source}`,
    ]);
    expect(rewind.exitCode).toBe(1);
    expect(rewind.stderr).toContain(
      'target server needs to use either data checksums or "wal_log_hints = on"',
    );
  });

  itCleansUp('failover');
  itComparedEveryStep('failover');
});
