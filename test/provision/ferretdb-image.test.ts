/**
 * The local FerretDB image: FerretDB 2.5.0 on the local PostgreSQL + DocumentDB image, answering
 * mongosh with SCRAM-SHA-256 and storing documents through DocumentDB, with the DocumentDB version
 * it expects; laid out like FerretDB's production image. Both containers on a private network.
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
import { pins } from '../../scripts/stack/versions';
import { loadProfile } from '../../scripts/stack/profiles';
import { testProfile } from '../lib/compose-project';

const {
  env: { POSTGRES_IMAGE, FERRETDB_IMAGE },
} = loadProfile('local');

describe.skipIf(testProfile.imagesFrom !== 'setup')(`FerretDB image ${FERRETDB_IMAGE}`, () => {
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
    uri = `mongodb://user:password@127.0.0.1:${ferretdb.getMappedPort(27017)}/`;
  });

  afterAll(async () => {
    await ferretdb?.stop({ timeout: 5_000 });
    await postgres?.stop({ timeout: 10_000 });
    await network?.stop();
  });

  it('is FerretDB 2.5.0, and finds the DocumentDB version it expects', async () => {
    const logs = await $({ quiet: true })`docker logs ${ferretdb.getId()}`;
    const text = logs.stdout + logs.stderr;
    expect(text).toContain(`"version":"${pins.ferretdbVersion}"`);
    expect(text).not.toMatch(/Unexpected DocumentDB version/i);
  });

  it('answers db.runCommand({ping: 1}) from mongosh, authenticated with SCRAM-SHA-256', async () => {
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
      expect(await client.db('roundtrip').collection('docs').findOne({ _id: insertedId })).toEqual({
        _id: insertedId,
        ...doc,
      });
    } finally {
      await client.close();
    }
    // FerretDB 2 keeps collections in DocumentDB's catalog: the document really is in PostgreSQL.
    const rows = await postgres.exec([
      'psql',
      '-U',
      'user',
      '-d',
      'postgres',
      '-Atc',
      "SELECT collection_name FROM documentdb_api_catalog.collections WHERE database_name = 'roundtrip' AND collection_name NOT LIKE 'system.%'",
    ]);
    expect(rows.output.trim()).toBe('docs');
  });

  it("is laid out like FerretDB's production image: its user, /state, ports and health check", async () => {
    const config = JSON.parse(
      (await $({ quiet: true })`docker image inspect -f ${'{{json .Config}}'} ${FERRETDB_IMAGE}`)
        .stdout,
    ) as { User: string; Env: string[]; ExposedPorts: object; Healthcheck: { Test: string[] } };
    expect(config.User).toBe('ferretdb:ferretdb');
    expect(config.Env).toEqual(
      expect.arrayContaining(['FERRETDB_LISTEN_ADDR=:27017', 'FERRETDB_STATE_DIR=/state']),
    );
    expect(Object.keys(config.ExposedPorts).sort()).toEqual(['27017/tcp', '27018/tcp', '8088/tcp']);
    expect(config.Healthcheck.Test).toEqual(['CMD', '/ferretdb', 'ping']);
    const ping = await ferretdb.exec(['/ferretdb', 'ping']);
    expect(ping.exitCode, ping.output).toBe(0);
  });
});
