/**
 * The local FerretDB image: answers mongosh's ping and stores documents in PostgreSQL.
 * A PostgreSQL container of the local profile and a FerretDB container on a private network.
 */
import path from 'node:path';
import { MongoClient } from 'mongodb';
import {
  GenericContainer,
  Network,
  Wait,
  type StartedNetwork,
  type StartedTestContainer,
} from 'testcontainers';
import { $ } from 'zx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/guide/steps';
import { loadProfile } from '../lib/compose-project';

const {
  env: { POSTGRES_IMAGE, FERRETDB_IMAGE },
  mongodbUriOptions: uriOptions,
} = loadProfile('local');

describe.skipIf(process.env.GUIDE_PROFILE === 'official')(
  `FerretDB image ${FERRETDB_IMAGE}`,
  () => {
    let network: StartedNetwork;
    let postgres: StartedTestContainer;
    let ferretdb: StartedTestContainer;
    let uri: string;

    beforeAll(async () => {
      network = await new Network().start();
      postgres = await new GenericContainer(POSTGRES_IMAGE)
        .withNetwork(network)
        .withNetworkAliases('pg')
        .withEnvironment({
          POSTGRES_USER: 'user',
          POSTGRES_PASSWORD: 'password',
          POSTGRES_DB: 'postgres',
        })
        .withWaitStrategy(
          Wait.forSuccessfulCommand('pg_isready -h localhost -U user').withStartupTimeout(60_000),
        )
        .start();
      ferretdb = await new GenericContainer(FERRETDB_IMAGE)
        .withNetwork(network)
        .withEnvironment({ FERRETDB_POSTGRESQL_URL: 'postgres://user:password@pg:5432/postgres' })
        .withExposedPorts(27017)
        // A scratch image has no shell for testcontainers' port probe; FerretDB says when it listens.
        .withWaitStrategy(Wait.forLogMessage(/Listening on TCP/))
        .start();
      uri = `mongodb://user:password@127.0.0.1:${ferretdb.getMappedPort(27017)}/${uriOptions}`;
    });

    afterAll(async () => {
      await ferretdb?.stop({ timeout: 5_000 });
      await postgres?.stop({ timeout: 10_000 });
      await network?.stop();
    });

    it('answers db.runCommand({ping: 1}) from mongosh', async () => {
      const mongosh = path.join(repoRoot, 'node_modules', '.bin', 'mongosh');
      const ping = await $({
        quiet: true,
      })`${mongosh} ${uri} --quiet --eval ${'JSON.stringify(db.runCommand({ ping: 1 }))'}`;
      expect(JSON.parse(ping.stdout)).toEqual({ ok: 1 });
    });

    it('round-trips a document through PostgreSQL', async () => {
      const client = new MongoClient(uri);
      try {
        const doc = { name: 'round trip', emoji: '\u{1F31E}', n: 7 };
        const { insertedId } = await client
          .db('roundtrip')
          .collection('docs')
          .insertOne({ ...doc });
        expect(
          await client.db('roundtrip').collection('docs').findOne({ _id: insertedId }),
        ).toEqual({ _id: insertedId, ...doc });
      } finally {
        await client.close();
      }
      // FerretDB v1 keeps each database as a PostgreSQL schema: the document really is in PostgreSQL.
      const rows = await postgres.exec([
        'psql',
        '-U',
        'user',
        '-d',
        'postgres',
        '-Atc',
        "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'roundtrip'",
      ]);
      expect(Number(rows.output.trim())).toBeGreaterThan(0);
    });

    it('runs with telemetry disabled', async () => {
      const env = await $({
        quiet: true,
      })`docker inspect -f ${'{{json .Config.Env}}'} ${ferretdb.getId()}`;
      expect(JSON.parse(env.stdout)).toContain('FERRETDB_TELEMETRY=disable');
    });
  },
);
