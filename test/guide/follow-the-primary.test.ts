/**
 * FerretDB follows the primary: with both PostgreSQL servers in its URL and
 * target_session_attrs=read-write, the FerretDB on the old primary writes to the promoted replica
 * without being restarted or reconfigured; the reader, with prefer-standby, goes on reading.
 */
import { $ } from 'zx';
import { describe, expect, it } from 'vitest';
import { compose, containerEnv, containerIdentity, psqlRows } from '../lib/compose-project';
import {
  itStartsFromTheReplicationGuide,
  itCleansUp,
  profile,
  recordCounts,
  runAndCompare,
  stepsOf,
  useCleanProject,
  itComparedEveryStep,
} from '../lib/guide-harness';

const step = stepsOf('follow-the-primary');

/** The address of a container on the guide's network. */
async function address(container: string): Promise<string> {
  return (
    await $({
      quiet: true,
    })`docker inspect --format ${'{{(index .NetworkSettings.Networks "ferretdb").IPAddress}}'} ${container}`
  ).stdout.trim();
}

/** Whether the writer FerretDB (container ferretdb) has connections open on a server. */
async function writerConnectedTo(server: string): Promise<boolean> {
  const ip = await address('ferretdb');
  const rows = await psqlRows(
    server,
    `SELECT count(*) > 0 FROM pg_stat_activity WHERE application_name = 'FerretDB' AND client_addr = '${ip}'`,
  );
  return rows[0]?.[0] === 't';
}

describe.sequential(`FerretDB follows the primary (profile ${profile})`, () => {
  useCleanProject();
  itStartsFromTheReplicationGuide('follow-the-primary');
  let writer = '';

  it('01 gives each FerretDB both servers; the writer writes to the primary', async () => {
    await runAndCompare(step('01-list-both-servers'));
    writer = await containerIdentity('ferretdb');
    const env = (await containerEnv('ferretdb')).join('\n');
    expect(env).toContain(
      '@postgres_primary,postgres_replica/postgres?target_session_attrs=read-write',
    );
    expect(await writerConnectedTo('postgres_primary')).toBe(true);
  });

  it('02–03 lose and fence the primary, then promote the replica; reads go on meanwhile, writes fail', async () => {
    const run = await runAndCompare(step('02-lose-and-fence-the-primary'));
    const [read, write] = run.commands.slice(-2);
    expect(read?.output.trim()).toBe('2');
    // The lost primary has no address any more, and the replica refuses a read-write session.
    expect(write?.exitCode).toBe(1);
    expect(write?.output).toContain('lookup postgres_primary');
    expect(write?.output).toContain(
      '(postgres_replica): ValidateConnect failed: read only connection',
    );
    await runAndCompare(step('03-promote-the-replica'));
  });

  it('04 the same FerretDB, neither restarted nor reconfigured, writes to the new primary', async () => {
    await runAndCompare(step('04-write-without-reconfiguring'));
    expect(await containerIdentity('ferretdb')).toBe(writer);
    expect(await writerConnectedTo('postgres_replica')).toBe(true);
    expect(await recordCounts(27017, 27018)).toEqual([3, 3]);
  });

  it('the fenced old primary, started again, is the standby prefer-standby picks: reads through 27018 miss the writes since the kill', async () => {
    const started = await compose(['up', '-d', '--wait', '--no-deps', 'postgres_primary']);
    expect(started.exitCode, started.stderr).toBe(0);
    try {
      expect(await psqlRows('postgres_primary', 'SELECT pg_is_in_recovery()')).toEqual([['t']]);
      // New connections of the reader, as after any restart of it, go to the standby.
      await $({ quiet: true })`docker restart ferretdb_readonly`;
      const [written, read] = await recordCounts(27017, 27018);
      expect(written).toBe(3);
      expect(read).toBeLessThan(written!);
    } finally {
      await compose(['stop', 'postgres_primary']);
    }
  });

  itCleansUp('follow-the-primary');
  itComparedEveryStep('follow-the-primary');
});
