/**
 * The local PostgreSQL + DocumentDB image keeps the contract of FerretDB's postgres-documentdb
 * image: the official postgres image's, plus DocumentDB preloaded and created at first init, with
 * the version string FerretDB 2.5.0 expects, and no compiler or -dev package.
 * Real containers through testcontainers; the client is a second container of the same image on
 * a private network, so "over the network" is a real TCP login with a password.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  GenericContainer,
  Network,
  Wait,
  type StartedNetwork,
  type StartedTestContainer,
} from 'testcontainers';
import { $ } from 'zx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pins } from '../../scripts/stack/versions';
import { loadProfile } from '../../scripts/stack/profiles';
import { testProfile } from '../lib/compose-project';

const image = loadProfile('local').env.POSTGRES_IMAGE;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'pg-image-test-'));

function server(network: StartedNetwork, password: string) {
  return new GenericContainer(image)
    .withNetwork(network)
    .withNetworkAliases('db')
    .withEnvironment({
      POSTGRES_USER: 'user',
      POSTGRES_PASSWORD: password,
      POSTGRES_DB: 'postgres',
    })
    .withBindMounts([{ source: dataDir, target: '/var/lib/postgresql/data' }])
    .withWaitStrategy(
      Wait.forSuccessfulCommand('pg_isready -h localhost -U user -d postgres').withStartupTimeout(
        60_000,
      ),
    );
}

// The local profile's images exist only where setup built them (not on the official profile's CI).
describe.skipIf(testProfile.imagesFrom !== 'setup')(`PostgreSQL image ${image}`, () => {
  let network: StartedNetwork;
  let db: StartedTestContainer;
  let client: StartedTestContainer;

  const psql = (container: StartedTestContainer, sql: string) =>
    container.exec(['psql', '-U', 'user', '-d', 'postgres', '-Atc', sql]);
  /** psql from the client container: over TCP, with a password. */
  const remotePsql = (password: string, sql: string) =>
    client.exec(['psql', '-h', 'db', '-U', 'user', '-d', 'postgres', '-Atc', sql], {
      env: { PGPASSWORD: password },
    });

  beforeAll(async () => {
    network = await new Network().start();
    db = await server(network, 'password').start();
    client = await new GenericContainer(image)
      .withNetwork(network)
      .withEntrypoint(['sleep', 'infinity'])
      .start();
  });

  afterAll(async () => {
    await client?.stop({ timeout: 1 });
    await db?.stop();
    await network?.stop();
    // The data directory belongs to the container's postgres user: remove it from a container.
    await $({
      quiet: true,
      nothrow: true,
    })`docker run --rm -v ${dataDir}:/d ${image} sh -c ${'rm -rf /d/*'}`;
    await $({ quiet: true, nothrow: true })`rmdir ${dataDir}`;
  });

  it('has psql and pg_basebackup on PATH, and runs the server as postgres', async () => {
    expect(
      (await db.exec(['sh', '-c', 'command -v psql && command -v pg_basebackup'])).output,
    ).toMatch(/psql\n.*pg_basebackup/);
    expect((await db.exec(['stat', '-c', '%U', '/proc/1'])).output.trim()).toBe('postgres');
  });

  it('creates POSTGRES_USER and POSTGRES_DB, keeps data in PGDATA and trusts local connections', async () => {
    expect((await psql(db, 'SELECT current_user, current_database()')).output.trim()).toBe(
      'user|postgres',
    );
    expect((await psql(db, 'SHOW data_directory')).output.trim()).toBe('/var/lib/postgresql/data');
  });

  it('listens on all addresses, trusts loopback as initdb leaves it, and checks passwords with scram-sha-256 from elsewhere', async () => {
    expect((await psql(db, 'SHOW listen_addresses')).output.trim()).toBe('*');
    const rules = await psql(
      db,
      "SELECT type, array_to_string(database, ','), array_to_string(user_name, ','), coalesce(address, ''), coalesce(netmask, ''), auth_method FROM pg_hba_file_rules ORDER BY rule_number",
    );
    expect(rules.output.trim().split('\n')).toEqual([
      'local|all|all|||trust',
      'host|all|all|127.0.0.1|255.255.255.255|trust',
      'host|all|all|::1|ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff|trust',
      'local|replication|all|||trust',
      'host|replication|all|127.0.0.1|255.255.255.255|trust',
      'host|replication|all|::1|ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff|trust',
      'host|all|all|all||scram-sha-256',
    ]);
    const ok = await remotePsql('password', 'SELECT 1');
    expect(ok.exitCode, ok.output).toBe(0);
    const wrong = await remotePsql('not-the-password', 'SELECT 1');
    expect(wrong.exitCode).toBe(2);
    expect(wrong.output).toContain('password authentication failed for user "user"');
  });

  it("preloads DocumentDB with the settings of FerretDB's 10-preload.sh and created it at first init", async () => {
    expect((await psql(db, 'SHOW shared_preload_libraries')).output.trim()).toBe(
      'pg_cron,pg_documentdb_core,pg_documentdb',
    );
    expect((await psql(db, 'SHOW cron.database_name')).output.trim()).toBe('postgres');
    expect((await psql(db, 'SHOW documentdb.enableUserCrud')).output.trim()).toBe('on');
    const extensions = await psql(db, 'SELECT extname FROM pg_extension ORDER BY extname');
    expect(extensions.output.trim().split('\n')).toEqual(
      expect.arrayContaining([
        'documentdb',
        'documentdb_core',
        'pg_cron',
        'postgis',
        'rum',
        'vector',
      ]),
    );
  });

  it('reports the DocumentDB version string FerretDB 2.5.0 expects', async () => {
    const version = await psql(db, 'SELECT documentdb_api.binary_extended_version()');
    expect(version.output.trim()).toBe(pins.documentdb.binaryVersion);
  });

  it('holds no compiler and no -dev package', async () => {
    const tools = await db.exec(['sh', '-c', 'command -v gcc cc make pkg-config']);
    expect(tools.output.trim()).toBe('');
    const dev = await db.exec([
      'sh',
      '-c',
      "dpkg-query -W -f '${Package}\\n' | grep -E -- '-dev$|^build-essential$' || true",
    ]);
    // postgresql-common-dev is pg_buildext's Perl scripts, a dependency of Debian's server package
    // itself (FerretDB's image, on PGDG's packages, has it too); it pulls in no compiler.
    expect(dev.output.trim()).toBe('postgresql-common-dev');
  });

  // docs/monitoring.mdx: why an idle DocumentDB server still writes WAL.
  it("schedules DocumentDB's background jobs with pg_cron, two every 2 seconds, and logs each run", async () => {
    const jobs = await psql(
      db,
      "SELECT schedule, count(*) FROM cron.job WHERE command LIKE '%documentdb_api_internal.%' GROUP BY schedule ORDER BY schedule",
    );
    expect(jobs.output.trim().split('\n')).toEqual(['* * * * *|2', '2 seconds|2']);
    expect((await psql(db, 'SHOW cron.log_run')).output.trim()).toBe('on');
  });

  // pg_cron runs DocumentDB's jobs on the first-init server too; a run that server's stop cuts
  // short is marked failed with 'server restarted' when the real server's launcher starts
  // (pg_cron's MarkPendingRunsAsFailed), whether or not it could connect. Those say nothing of
  // loopback; any other failure does.
  it("lets pg_cron connect over loopback: every job run succeeds but those the first-init server's stop cut short", async () => {
    await psql(db, "SELECT cron.schedule('probe', '2 seconds', 'SELECT 1')");
    await expect
      .poll(
        async () =>
          (
            await psql(
              db,
              "SELECT count(*) FROM cron.job_run_details d JOIN cron.job j USING (jobid) WHERE j.jobname = 'probe' AND d.status = 'succeeded'",
            )
          ).output.trim(),
        { timeout: 15_000 },
      )
      .not.toBe('0');
    const failed = await psql(
      db,
      "SELECT coalesce(string_agg(DISTINCT return_message, '; '), '') FROM cron.job_run_details WHERE status = 'failed' AND return_message IS DISTINCT FROM 'server restarted'",
    );
    expect(failed.output.trim()).toBe('');
    await psql(db, "SELECT cron.unschedule('probe')");
  });

  it('stops cleanly on SIGTERM, and on restart keeps the cluster it finds instead of initialising again', async () => {
    expect(
      (await psql(db, 'CREATE TABLE kept (n int); INSERT INTO kept VALUES (42)')).exitCode,
    ).toBe(0);
    // SIGTERM, as an orchestrator sends it: the server must exit 0 on its own, not be killed.
    await $({ quiet: true })`docker kill --signal TERM ${db.getId()}`;
    const exited = await $({ quiet: true, timeout: '30s' })`docker wait ${db.getId()}`;
    expect(exited.stdout.trim()).toBe('0');
    const logs = await $({ quiet: true })`docker logs ${db.getId()}`;
    expect(logs.stdout + logs.stderr).toContain('database system is shut down');
    await $({ quiet: true })`docker rm ${db.getId()}`;

    // A new password in the environment must not matter: initialisation happens on an empty directory only.
    db = await server(network, 'another-password').start();
    expect((await psql(db, 'SELECT n FROM kept')).output.trim()).toBe('42');
    expect((await remotePsql('password', 'SELECT 1')).exitCode).toBe(0);
  });

  it('fixes the ownership of a data directory written by another user, as pg_basebackup does', async () => {
    await db.stop({ timeout: 20_000 });
    await $({
      quiet: true,
    })`docker run --rm --entrypoint chown -v ${dataDir}:/d ${image} -R root:root /d`;
    db = await server(network, 'password').start();
    expect((await psql(db, 'SELECT n FROM kept')).output.trim()).toBe('42');
    expect(
      (await db.exec(['stat', '-c', '%U', '/var/lib/postgresql/data/PG_VERSION'])).output.trim(),
    ).toBe('postgres');
  });
});
