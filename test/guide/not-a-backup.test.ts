/**
 * A replica is not a backup: a collection dropped through FerretDB on the primary is gone from
 * the replica once it has replayed the drop, and no table of it is left on the replica's server.
 */
import { describe, expect, it } from 'vitest';
import { psqlRows } from '../lib/compose-project';
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

const step = stepsOf('not-a-backup');

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

  itCleansUp('not-a-backup');
  itComparedEveryStep('not-a-backup');
});
