/**
 * A replica is not a backup: a collection dropped through FerretDB on the primary is gone from
 * the replica once it has replayed the drop, and no table of it is left on the replica's server.
 */
import { describe, expect, it } from 'vitest';
import { caughtUp, psqlRows, untilTrue } from '../lib/compose-project';
import {
  ferretdb,
  itStartsFromTheReplicationGuide,
  itCleansUp,
  profile,
  recordCounts,
  runAndCompare,
  stepsOf,
  useCleanProject,
  itComparedEveryStep,
} from '../lib/guide-harness';

const step = stepsOf('not-a-backup');

/** How many entries DocumentDB's catalog holds for test.delayed: 1 before its drop is applied, 0 after. */
const delayedInCatalog =
  "SELECT count(*) FROM documentdb_api_catalog.collections WHERE database_name = 'test' AND collection_name = 'delayed'";

/** DocumentDB's catalog entries for test.record on a server. */
async function catalogued(service: string): Promise<string[][]> {
  return psqlRows(
    service,
    "SELECT collection_name FROM documentdb_api_catalog.collections WHERE database_name = 'test' AND collection_name = 'record'",
  );
}

describe.sequential(`a replica is not a backup (profile ${profile})`, () => {
  useCleanProject();
  itStartsFromTheReplicationGuide('not-a-backup');

  it('01 drops the collection on the primary, and it is gone on the replica too', async () => {
    expect(await recordCounts(27017, 27018)).toEqual([1, 1]);
    expect(await catalogued('postgres_replica')).toEqual([['record']]);
    const run = await runAndCompare(step('01-drop-on-the-primary'));
    // The count, the drop, the wait for replay (silent), the count again, the collections.
    expect(run.commands.map((c) => c.output.trim())).toEqual(['1', 'true', '', '0', '[]']);
    // Not hidden: DocumentDB's catalog on the replica no longer knows the collection.
    expect(await catalogued('postgres_replica')).toEqual([]);
    expect(await catalogued('postgres_primary')).toEqual([]);
  });

  it('a replica with recovery_min_apply_delay has received a drop it has not applied: its catalog still lists the collection', async () => {
    const primary = ferretdb(27017);
    try {
      await primary.db('test').collection('delayed').insertOne({ kept: true });
      await caughtUp();
      await psqlRows('postgres_replica', "ALTER SYSTEM SET recovery_min_apply_delay = '10min'");
      await psqlRows('postgres_replica', 'SELECT pg_reload_conf()');
      try {
        await primary.db('test').collection('delayed').drop();
        const [[dropped]] = (await psqlRows('postgres_primary', 'SELECT pg_current_wal_lsn()')) as [
          [string],
        ];
        await untilTrue('postgres_replica', `SELECT pg_last_wal_receive_lsn() >= '${dropped}'`);
        // The drop has not been applied on the replica: its catalog still lists the collection.
        // (Reading the catalog takes no lock the drop holds; the timeout turns a wait into a failure.)
        expect(
          await psqlRows('postgres_replica', `SET lock_timeout = '5s'; ${delayedInCatalog}`),
        ).toEqual([['SET'], ['1']]);
      } finally {
        await psqlRows('postgres_replica', 'ALTER SYSTEM RESET recovery_min_apply_delay');
        await psqlRows('postgres_replica', 'SELECT pg_reload_conf()');
      }
      await caughtUp();
    } finally {
      await primary.close();
    }
    // Without the delay, the replica applies the drop.
    expect(await psqlRows('postgres_replica', delayedInCatalog)).toEqual([['0']]);
  });

  itCleansUp('not-a-backup');
  itComparedEveryStep('not-a-backup');
});
