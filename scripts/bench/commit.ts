// What synchronous replication costs a write: one insertOne at a time through the FerretDB on the
// primary, acknowledged, timed, with replication asynchronous, then synchronous with
// synchronous_commit = on (the replica has flushed the WAL), then remote_apply (the replica has
// replayed it). The sync-replication page reads these figures from bench/results.json.
// Bounded: 500 writes per mode, loopback only.
import { MongoClient } from 'mongodb';
import { $ } from 'zx';

import { postgresPassword } from '../../examples/lib/password.mjs';
import { percentile, profile, tearDown, upToReadOnlyFerretdb } from './guide-stack';
import type { Bench, BenchResult, Figure } from './types';

const WRITES = 500;
const WARM_UP = 50;
const COMMAND = 'npm run bench -- commit';

/** The modes, in the order they run, with the settings that make each. */
const MODES = [
  { key: 'async', label: 'asynchronous', standbyNames: '', commit: 'on' },
  { key: 'on', label: 'synchronous, synchronous_commit = on', standbyNames: '*', commit: 'on' },
  {
    key: 'remote_apply',
    label: 'synchronous, synchronous_commit = remote_apply',
    standbyNames: '*',
    commit: 'remote_apply',
  },
] as const;

async function configure(standbyNames: string, commit: string): Promise<void> {
  const sql = [
    `ALTER SYSTEM SET synchronous_standby_names = '${standbyNames}'`,
    `ALTER SYSTEM SET synchronous_commit = '${commit}'`,
    'SELECT pg_reload_conf()',
  ];
  for (const statement of sql)
    await $({ quiet: true })`docker exec postgres_primary psql -U user -d postgres -c ${statement}`;
  // A reload is asynchronous; wait until the primary reports the replica in the mode asked for.
  const expected = standbyNames === '' ? 'async' : 'sync';
  for (let tries = 0; tries < 100; tries += 1) {
    const state = await $({
      quiet: true,
    })`docker exec postgres_primary psql -U user -d postgres -Atc ${'SELECT sync_state FROM pg_stat_replication'}`;
    if (state.stdout.trim() === expected) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the replica did not become ${expected} within 10 s`);
}

/** Milliseconds per acknowledged insertOne, sorted. */
async function timeWrites(client: MongoClient, mode: string): Promise<number[]> {
  const collection = client.db('test').collection('commit_cost');
  const times: number[] = [];
  for (let i = 0; i < WARM_UP + WRITES; i += 1) {
    const started = performance.now();
    await collection.insertOne({ mode, i });
    if (i >= WARM_UP) times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

export const commitBench: Bench = {
  name: 'commit',
  description: `${WRITES} insertOne one at a time through FerretDB: asynchronous, synchronous (on), synchronous (remote_apply)`,
  async run(): Promise<BenchResult> {
    await tearDown();
    await upToReadOnlyFerretdb();
    const client = new MongoClient(
      `mongodb://user:${encodeURIComponent(postgresPassword())}@127.0.0.1:27017/`,
    );
    const figures: Figure[] = [];
    try {
      for (const mode of MODES) {
        await configure(mode.standbyNames, mode.commit);
        const times = await timeWrites(client, mode.key);
        console.log(`  ${mode.label}: median ${percentile(times, 50).toFixed(2)} ms`);
        for (const p of [50, 95] as const) {
          figures.push({
            key: `commit.${mode.key}.p${p}`,
            label: `${mode.label}: p${p} per acknowledged write`,
            value: Number(percentile(times, p).toFixed(2)),
            unit: 'ms',
            command: COMMAND,
          });
        }
      }
    } finally {
      await client.close();
      await tearDown();
    }
    return {
      figures,
      notes: [
        `Each figure: from sending an insertOne through the FerretDB on the primary to its acknowledgement, one write at a time, ${WRITES} writes after ${WARM_UP} to warm up.`,
        `Stack: profile ${profile.name}; both PostgreSQL servers and both FerretDBs on one machine, so there is no network round trip: across machines, synchronous modes add at least one round trip per write.`,
      ],
    };
  },
};
