/**
 * Where our guide departs from the source text, the departure has to matter. Each case runs the
 * source's way against real containers and shows what goes wrong (the docs link here).
 */
import { $ } from 'zx';
import { beforeAll, describe, expect, it } from 'vitest';
import { listSteps } from '../../scripts/guide/steps';
import { compose, psqlRows, streamingSource } from '../lib/compose-project';
import { runQuietly, useCleanProject } from '../lib/guide-harness';

describe.sequential('the source guide, run as written, where ours differs', () => {
  useCleanProject();

  beforeAll(async () => {
    // The primary as our steps 1–3 leave it: role created, replication allowed from the network.
    for (const step of listSteps('replication').slice(0, 3)) await runQuietly(step);
  });

  it('`docker exec -it` fails where no terminal is attached (scripts, CI), so our commands drop -it', async () => {
    const result = await $({
      quiet: true,
      nothrow: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    })`docker exec -it postgres_primary true`;
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('not a TTY');
  });

  it('pg_basebackup without -h makes a replica that does not stream from the primary, so ours passes -h postgres_primary', async () => {
    // The source's command, minus -it and -P: it connects through the primary's local socket.
    const backup = await $({
      quiet: true,
      nothrow: true,
    })`docker exec postgres_primary pg_basebackup -D /tmp/replica_backup -R -X stream -c fast -U replicator`;
    expect(backup.exitCode, backup.stderr).toBe(0);
    expect((await compose(['up', '-d', '--wait', 'postgres_replica'])).exitCode).toBe(0);

    // It looks like a replica...
    expect(await psqlRows('postgres_replica', 'SELECT pg_is_in_recovery()')).toEqual([['t']]);
    // ...but -R wrote what pg_basebackup itself connected to, no host: libpq's default, the local
    // socket, which on the replica is its own server's. Its WAL receiver, if it runs at all, talks
    // to that socket, never to postgres_primary, and the primary streams to no one. The guide's
    // replica passes the same probe with host=postgres_primary (test/guide/replication.test.ts, 08).
    const source = await streamingSource();
    expect(source.conninfoHost).toBeNull();
    expect(source.receivers.filter((r) => r.endsWith(' from postgres_primary'))).toEqual([]);
    expect(source.primaryStreamsTo).toBe(0);
    // It streams from itself: its WAL receiver's sender is its own socket directory, and its own
    // walsender serves a client on that socket (no client address).
    expect(source.receivers).toEqual(['streaming from /var/run/postgresql']);
    expect(
      await psqlRows(
        'postgres_replica',
        'SELECT coalesce(host(client_addr), $$socket$$) FROM pg_stat_replication',
      ),
    ).toEqual([['socket']]);
  });
});
