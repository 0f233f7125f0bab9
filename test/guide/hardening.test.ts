/**
 * The hardening guide, run for real from where the replication guide's step 11 leaves off: the
 * pg_hba.conf rules, WAL lost without a replication slot and kept with one, the published port
 * that samenet lets through, a rule that admits the replica only, and a new password for the
 * superuser, in PostgreSQL and in examples/.env. Each step is compared with its recording; the refusals the page
 * promises are checked on their own.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { $ } from 'zx';
import { describe, expect, it, vi } from 'vitest';
import {
  envFile,
  envFileMarker,
  envFileVariables,
  postgresPassword,
} from '../../examples/lib/password.mjs';
import { runStep } from '../../scripts/guide/run-step';
import { examplesDir } from '../../scripts/guide/steps';
import { containerEnv, execIn, leftovers, psqlRows, untilTrue } from '../lib/compose-project';
import {
  ferretdb,
  READ_ONLY_REFUSAL,
  itStartsFromTheReplicationGuide,
  recordCounts,
  profile,
  runAndCompare as compare,
  stepsOf,
  useCleanProject,
  itComparedEveryStep,
  checkRecordedFact,
} from '../lib/guide-harness';
import { OTHER_NETWORK, withOtherNetworkClient } from '../lib/other-network-client';

const guide = 'hardening';
const step = stepsOf(guide);
const runAndCompare = (id: string) => compare(step(id));

/** A psql client in a container of the project; resolves with its exit code and what it printed. */
async function psqlFrom(container: string, conninfo: string, password: string) {
  const run = await $({
    quiet: true,
    nothrow: true,
  })`docker exec -e PGPASSWORD=${password} ${container} psql ${conninfo} -c ${'SHOW wal_level;'}`;
  return { exitCode: run.exitCode, output: run.stdout + run.stderr };
}

describe.sequential(`the hardening guide (profile ${profile})`, () => {
  useCleanProject();
  itStartsFromTheReplicationGuide('hardening');

  it('01 shows that only the replicator role may stream over the network, from samenet, with scram-sha-256', async () => {
    await runAndCompare('01-show-hba-rules');
    const rules = await psqlRows(
      'postgres_primary',
      "SELECT user_name, address, auth_method FROM pg_hba_file_rules WHERE 'replication' = ANY(database) AND address = 'samenet'",
    );
    expect(rules).toEqual([['{replicator}', 'samenet', 'scram-sha-256']]);
    // The first matching line decides: from 127.0.0.1 the image's trust line comes first, so a
    // replication connection gets in with a wrong password.
    const loopback = await $({
      quiet: true,
      nothrow: true,
    })`docker exec -e PGPASSWORD=wrong postgres_primary psql ${'host=127.0.0.1 user=replicator replication=true'} -c ${'SHOW wal_level;'}`;
    expect(loopback.exitCode, loopback.stderr).toBe(0);
    expect(loopback.stdout).toContain('replica');
    // pg_cron runs its jobs over the loopback address, and they succeed without a password.
    expect(await psqlRows('postgres_primary', 'SHOW cron.host')).toEqual([['localhost']]);
    await untilTrue(
      'postgres_primary',
      "SELECT count(*) > 0 FROM cron.job_run_details WHERE status = 'succeeded' AND start_time > now() - interval '1 minute'",
    );
  });

  it('refuses a replication connection with a wrong password', async () => {
    const wrong = await psqlFrom(
      'postgres_replica',
      'host=postgres_primary user=replicator replication=true',
      'not-the-password',
    );
    expect(wrong.exitCode).toBe(2);
    expect(wrong.output).toContain('password authentication failed for user "replicator"');
  });

  it('refuses to stream to a role without REPLICATION, even where pg_hba.conf admits it', async () => {
    await psqlRows('postgres_primary', "CREATE ROLE plain LOGIN PASSWORD 'plainpassword'");
    try {
      // 127.0.0.1 inside the primary's container: the image's own `host replication all 127.0.0.1` rule.
      const plain = await psqlFrom(
        'postgres_primary',
        'host=127.0.0.1 user=plain dbname=postgres replication=true',
        'plainpassword',
      );
      expect(plain.exitCode).toBe(2);
      expect(plain.output).toContain('permission denied to start WAL sender');
      // Over the network, the replication rule names replicator only: plain is not even asked for a password.
      const basebackup = await $({
        quiet: true,
        nothrow: true,
      })`docker exec -e PGPASSWORD=plainpassword postgres_primary pg_basebackup -h postgres_primary -U plain -D /tmp/never -X none`;
      expect(basebackup.exitCode).toBe(1);
      expect(basebackup.stderr).toContain('no pg_hba.conf entry for replication connection');
    } finally {
      await psqlRows('postgres_primary', 'DROP ROLE plain');
    }
  });

  it('02 stops the replica and lets the primary remove WAL: wal_keep_size is 0 and no slot holds any', async () => {
    await runAndCompare('02-lose-wal-without-slot');
    expect(await psqlRows('postgres_primary', 'SHOW wal_keep_size')).toEqual([['0']]);
    expect(await psqlRows('postgres_primary', 'SELECT count(*) FROM pg_replication_slots')).toEqual(
      [['0']],
    );
    const state = await $({ quiet: true })`docker inspect -f {{.State.Status}} postgres_replica`;
    expect(state.stdout.trim()).toBe('exited');
  });

  it('the-replica-cannot-catch-up: the replica fails on WAL the primary has removed, and stays behind', async () => {
    const run = await runAndCompare('the-replica-cannot-catch-up');
    expect(run.commands.find((c) => c.cmd.startsWith('docker logs'))?.output).toMatch(
      /^requested WAL segment [0-9A-F]{24} has already been removed\n$/,
    );
    expect(await recordCounts(27017, 27018)).toEqual([101, 1]);
    // It asks again (every wal_retrieve_retry_interval, 5 s by default), and is refused again.
    await expect
      .poll(
        async () => {
          const logs = await $({ quiet: true })`docker logs postgres_replica`;
          return (logs.stdout + logs.stderr).match(/has already been removed/g)?.length ?? 0;
        },
        { timeout: 60_000, interval: 1000 },
      )
      .toBeGreaterThanOrEqual(3);
    expect(await psqlRows('postgres_replica', 'SHOW wal_retrieve_retry_interval')).toEqual([
      ['5s'],
    ]);
  });

  it('03 rebuilds the replica, which then has every document', async () => {
    await runAndCompare('03-rebuild-replica');
    expect(await recordCounts(27017, 27018)).toEqual([101, 101]);
  });

  it('04 creates the slot, and the replica streams through it', async () => {
    await runAndCompare('04-create-slot');
    expect(await psqlRows('postgres_replica', 'SHOW primary_slot_name')).toEqual([['replica_1']]);
    expect(
      await psqlRows('postgres_primary', 'SELECT slot_name, active FROM pg_replication_slots'),
    ).toEqual([['replica_1', 't']]);
  });

  it('05 keeps the WAL of the stopped replica: the slot is inactive and its WAL reserved', async () => {
    await runAndCompare('05-keep-wal-with-slot');
    expect(
      await psqlRows('postgres_primary', 'SELECT active, wal_status FROM pg_replication_slots'),
    ).toEqual([['f', 'reserved']]);
  });

  it('the-replica-catches-up: the replica streams from where it stopped and loses nothing', async () => {
    await runAndCompare('the-replica-catches-up');
    expect(await recordCounts(27017, 27018)).toEqual([201, 201]);
    expect(
      await psqlRows('postgres_primary', 'SELECT active, wal_status FROM pg_replication_slots'),
    ).toEqual([['t', 'reserved']]);
  });

  it('06 shows that a client outside the compose network gets through the published port', async () => {
    await runAndCompare('06-connect-through-published-port');
  });

  it('06 a client on another network reaches the published port with its own address, which samenet refuses', async () => {
    const image = (
      await $({ quiet: true })`docker inspect --format {{.Config.Image}} postgres_primary`
    ).stdout.trim();
    const conninfo = `host=${OTHER_NETWORK.host} user=replicator replication=true`;
    const refused = await withOtherNetworkClient(image, (client) =>
      client.exec([
        'env',
        `PGPASSWORD=${envFileVariables().REPLICATION_PASSWORD}`,
        'psql',
        conninfo,
        '-c',
        'SHOW wal_level;',
      ]),
    );
    expect(refused.exitCode).toBe(2);
    expect(refused.output).toContain(
      `no pg_hba.conf entry for replication connection from host "${OTHER_NETWORK.client}"`,
    );
    checkRecordedFact(
      'hardening/client-on-another-network.txt',
      `$ psql '${conninfo}' -c 'SHOW wal_level;'\n${refused.output}[exit status ${refused.exitCode}]\n`,
    );
  });

  it('07 admits the replica only: the outside client is refused', async () => {
    const run = await runAndCompare('07-restrict-replication-host');
    const outside = run.commands.find((c) => c.cmd.startsWith('docker run'));
    expect(outside?.exitCode).toBe(2);
    expect(outside?.output).toContain('no pg_hba.conf entry for replication connection');
    // Docker forwarded it from the compose network's gateway address, which samenet had covered.
    const gateway = (
      await $({
        quiet: true,
      })`docker network inspect ferretdb -f ${'{{range .IPAM.Config}}{{.Gateway}}{{end}}'}`
    ).stdout.trim();
    expect(gateway).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(outside?.output).toContain(`replication connection from host "${gateway}"`);
    // pg_basebackup from the primary's own container is now refused as well: only the replica's name is let in.
    const basebackup = await $({
      quiet: true,
      nothrow: true,
    })`docker exec -e PGPASSWORD=${envFileVariables().REPLICATION_PASSWORD} postgres_primary pg_basebackup -h postgres_primary -U replicator -D /tmp/never -X none`;
    expect(basebackup.stderr).toContain('no pg_hba.conf entry for replication connection');
  });

  it("the-replica-reconnects: ended on the primary, the replica's connection comes back through the new rule", async () => {
    const before = await psqlRows('postgres_primary', 'SELECT pid FROM pg_stat_replication');
    await runAndCompare('the-replica-reconnects');
    expect(
      await psqlRows('postgres_replica', 'SELECT status, sender_host FROM pg_stat_wal_receiver'),
    ).toEqual([['streaming', 'postgres_primary']]);
    // A new walsender: the connection was ended and made again, through the line naming the replica.
    const after = await psqlRows('postgres_primary', 'SELECT pid FROM pg_stat_replication');
    expect(after).toHaveLength(1);
    expect(after).not.toEqual(before);
  });

  it('keeps the read-only FerretDB read-only', async () => {
    const replica = ferretdb(27018);
    try {
      await expect(
        replica.db('test').collection('record').insertOne({ probe: true }),
      ).rejects.toThrow(READ_ONLY_REFUSAL);
    } finally {
      await replica.close();
    }
    expect(
      await execIn('postgres_replica', ['ls', '/var/lib/postgresql/data/standby.signal']),
    ).toContain('standby.signal');
  });

  /** The password of `user` before step 8 changes it. */
  let oldPassword = '';

  it('08 changes the password in PostgreSQL and in examples/.env together, and never prints it', async () => {
    oldPassword = postgresPassword();
    const { REPLICATION_PASSWORD: replicationPassword } = envFileVariables();
    const run = await runAndCompare('08-change-the-password');
    const password = postgresPassword();
    expect(password).toMatch(/^[0-9a-f]{48}$/);
    expect(password).not.toBe(oldPassword);
    const printed = run.commands.map((c) => c.cmd + c.output).join('\n');
    expect(printed).not.toContain(password);
    expect(printed).not.toContain(oldPassword);
    // Only POSTGRES_PASSWORD changed, and the file is still yours alone.
    expect(readFileSync(envFile, 'utf8')).toBe(
      `${envFileMarker}\nPOSTGRES_PASSWORD=${password}\nREPLICATION_PASSWORD=${replicationPassword}\n`,
    );
    expect(statSync(envFile).mode & 0o777).toBe(0o600);
    expect(existsSync(`${envFile}.new`)).toBe(false);
  });

  it("recreate-with-the-new-password: every container's environment has the new password, and both FerretDBs take it", async () => {
    const run = await runAndCompare('recreate-with-the-new-password');
    const password = postgresPassword();
    // Out of the commands, not out of reach: each container's environment holds it.
    for (const container of ['postgres_primary', 'postgres_replica'])
      expect(await containerEnv(container)).toContain(`POSTGRES_PASSWORD=${password}`);
    for (const container of ['ferretdb', 'ferretdb_readonly'])
      expect((await containerEnv(container)).join('\n')).toContain(`user:${password}@`);
    expect(await recordCounts(27017, 27018)).toEqual([201, 201]);
    // FerretDB 2 checks a client's password against the PostgreSQL role's: the old one is refused
    // with the MongoDB error for a failed SCRAM exchange.
    const stale = ferretdb(27017, { password: oldPassword });
    try {
      await expect(stale.db('test').collection('record').countDocuments()).rejects.toThrow(
        /^Authentication failed\.$/,
      );
    } finally {
      await stale.close();
    }
    const printed = run.commands.map((c) => c.cmd + c.output).join('\n');
    expect(printed).not.toContain(password);
    expect(printed).not.toContain(oldPassword);
  });

  it('takes the new password and refuses the old one over TCP, on the primary and on the replica', async () => {
    for (const server of ['postgres_primary', 'postgres_replica']) {
      const conninfo = `host=${server} user=user dbname=postgres`;
      const fresh = await psqlFrom(server, conninfo, postgresPassword());
      expect(fresh.exitCode, fresh.output).toBe(0);
      const old = await psqlFrom(server, conninfo, oldPassword);
      expect(old.exitCode).toBe(2);
      expect(old.output).toContain('password authentication failed for user "user"');
    }
  });

  it('still streams after the containers were recreated: a write through 27017 is read through 27018', async () => {
    expect(
      await psqlRows('postgres_replica', 'SELECT status, sender_host FROM pg_stat_wal_receiver'),
    ).toEqual([['streaming', 'postgres_primary']]);
    const primary = ferretdb(27017);
    const replica = ferretdb(27018);
    try {
      const probe = { username: 'after the password change', at: Date.now() };
      await primary
        .db('test')
        .collection('record')
        .insertOne({ ...probe });
      await vi.waitFor(
        async () => {
          const found = await replica
            .db('test')
            .collection('record')
            .findOne({ at: probe.at }, { projection: { _id: 0 } });
          expect(found).toEqual(probe);
        },
        { timeout: 30_000, interval: 250 },
      );
    } finally {
      await Promise.all([primary.close(), replica.close()]);
    }
  });

  it('08 run again changes the password again, and both FerretDBs take the newest', async () => {
    const before = postgresPassword();
    const again = await runStep(step('08-change-the-password'), { profile });
    expect(again.exitCode).toBe(0);
    const recreated = await runStep(step('recreate-with-the-new-password'), { profile });
    expect(recreated.exitCode).toBe(0);
    expect(postgresPassword()).not.toBe(before);
    expect(await recordCounts(27017, 27018)).toEqual([202, 202]);
  });

  it("compose takes POSTGRES_PASSWORD from the shell's environment before examples/.env", async () => {
    const passwordIn = async (env: Record<string, string>) => {
      const config = await $({
        quiet: true,
        cwd: examplesDir,
        env: { ...process.env, ...env },
      })`docker compose config --format json`;
      const parsed = JSON.parse(config.stdout) as {
        services: Record<string, { environment: Record<string, string> }>;
      };
      return parsed.services['postgres_primary']?.environment['POSTGRES_PASSWORD'];
    };
    const { POSTGRES_PASSWORD: _unset, ...withoutIt } = process.env;
    expect(await passwordIn(withoutIt as Record<string, string>)).toBe(postgresPassword());
    expect(await passwordIn({ POSTGRES_PASSWORD: 'from-the-shell' })).toBe('from-the-shell');
  });

  it('09 removes everything the page and the replication guide created, examples/.env too', async () => {
    await runAndCompare('09-clean-up');
    expect(await leftovers()).toEqual([]);
    expect(existsSync(envFile)).toBe(false);
  });

  itComparedEveryStep('hardening');
});
