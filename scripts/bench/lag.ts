// Replication lag through the whole stack: from an acknowledged insertOne on the FerretDB primary
// (port 27017) to the document being readable through the read-only FerretDB on the replica
// (port 27018), with the mongodb driver, at a few steady write rates. Alongside, PostgreSQL's own
// view: replay_lag from pg_stat_replication, sampled on the primary during each run.
// Bounded: 1 000 writes per rate, 60 s per rate at most, loopback only.
import { MongoClient } from 'mongodb';
import { $ } from 'zx';

import { postgresPassword } from '../../examples/lib/password.mjs';
import { measureStack } from '../guide/stack-versions';
import { profile, percentile, tearDown, upToReadOnlyFerretdb } from './guide-stack';
import type { Bench, BenchResult, Figure } from './types';

const WRITES = 1000;
const RATES = [50, 200, 500] as const;
const POLL_TIMEOUT_MS = 10_000;
const COMMAND = 'npm run bench -- lag';

/** Polls the replica until the document is there; returns ms since the write was acknowledged. */
async function visibleAfter(
  reader: MongoClient,
  probe: string,
  acknowledgedAt: number,
): Promise<number> {
  const collection = reader.db('test').collection('record');
  while (performance.now() - acknowledgedAt < POLL_TIMEOUT_MS) {
    if (await collection.findOne({ probe }, { projection: { _id: 1 } }))
      return performance.now() - acknowledgedAt;
  }
  throw new Error(`document ${probe} not visible on the replica after ${POLL_TIMEOUT_MS} ms`);
}

async function sampleReplayLag(stop: () => boolean): Promise<number[]> {
  const samples: number[] = [];
  const sql = 'SELECT coalesce(EXTRACT(EPOCH FROM replay_lag) * 1000, 0) FROM pg_stat_replication';
  while (!stop()) {
    const out = await $({
      quiet: true,
      nothrow: true,
    })`docker exec postgres_primary psql -U user -d postgres -Atc ${sql}`;
    const value = Number(out.stdout.trim());
    if (out.exitCode === 0 && Number.isFinite(value)) samples.push(value);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return samples;
}

/** What the running stack reports of itself, so the figures name what they measured. */
async function measuredStack(): Promise<string> {
  const { ferretdb, postgresql, documentdb } = await measureStack();
  const named = (version: string | undefined): string => version ?? 'unknown';
  return `FerretDB ${named(ferretdb)}, PostgreSQL ${named(postgresql)}, DocumentDB ${named(documentdb)}`;
}

async function measureRate(writer: MongoClient, reader: MongoClient, rate: number, run: string) {
  const interval = 1000 / rate;
  const started = performance.now();
  const pending: Promise<number>[] = [];
  let done = false;
  const replayLag = sampleReplayLag(() => done);
  for (let i = 0; i < WRITES && performance.now() - started < 60_000; i += 1) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const probe = `${run}-${i}`;
    await writer.db('test').collection('record').insertOne({ probe });
    pending.push(visibleAfter(reader, probe, performance.now()));
  }
  const latencies = (await Promise.all(pending)).sort((a, b) => a - b);
  done = true;
  const pg = (await replayLag).sort((a, b) => a - b);
  const achieved = (latencies.length / (performance.now() - started)) * 1000;
  return { latencies, pg, achieved };
}

export const lagBench: Bench = {
  name: 'lag',
  description: `insertOne on the FerretDB primary → readable on the read-only FerretDB, ${WRITES} writes at ${RATES.join(', ')} writes/s`,
  async run(): Promise<BenchResult> {
    await tearDown();
    await upToReadOnlyFerretdb();
    const credentials = `user:${encodeURIComponent(postgresPassword())}`;
    const writer = new MongoClient(`mongodb://${credentials}@127.0.0.1:27017/`);
    const reader = new MongoClient(`mongodb://${credentials}@127.0.0.1:27018/`);
    const figures: Figure[] = [];
    const achievedRates: string[] = [];
    const stack = await measuredStack();
    try {
      for (const rate of RATES) {
        const { latencies, pg, achieved } = await measureRate(writer, reader, rate, `r${rate}`);
        console.log(`  ${rate}/s: ${latencies.length} writes, achieved ${achieved.toFixed(0)}/s`);
        achievedRates.push(
          `target ${rate}/s: ${latencies.length} writes at ${achieved.toFixed(0)}/s, ${pg.length} replay_lag samples`,
        );
        for (const p of [50, 95, 99] as const) {
          figures.push({
            key: `lag.${rate}.p${p}`,
            label: `${rate}/s: p${p}, write → readable on replica`,
            value: Number(percentile(latencies, p).toFixed(2)),
            unit: 'ms',
            command: COMMAND,
          });
        }
        figures.push({
          key: `lag.${rate}.achieved`,
          label: `${rate}/s target: writes per second achieved`,
          value: Number(achieved.toFixed(0)),
          unit: 'writes/s',
          command: COMMAND,
        });
        figures.push({
          key: `lag.${rate}.pgReplayLag.p95`,
          label: `${rate}/s: p95 of PostgreSQL replay_lag`,
          value: Number(percentile(pg, 95).toFixed(2)),
          unit: 'ms',
          command: COMMAND,
        });
      }
    } finally {
      await Promise.all([writer.close(), reader.close()]);
      await tearDown();
    }
    return {
      figures,
      notes: [
        `Write → readable: from the acknowledged insertOne on the FerretDB primary to a findOne on the read-only FerretDB returning it. Rates achieved: ${achievedRates.join('; ')}.`,
        `Stack: ${stack}; profile ${profile.name}; both PostgreSQL servers and both FerretDBs on one machine, asynchronous replication.`,
        "The FerretDB figure includes the reader's polling (one findOne after another, about a millisecond each).",
        'replay_lag is what the replica last reported; it is empty (counted as 0) once the replica is idle.',
      ],
    };
  },
};
