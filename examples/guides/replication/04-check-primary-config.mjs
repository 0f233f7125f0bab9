#!/usr/bin/env zx
// What the primary now runs with.
// Read-only: safe to run twice.
import { $ } from 'zx';
import '../../lib/guide.mjs';

// :snippet-start: commands
const settings = `SELECT name, setting, unit FROM pg_settings
  WHERE name IN ('wal_level', 'max_wal_senders', 'wal_keep_size', 'listen_addresses')
  ORDER BY name;`;
await $`docker exec postgres_primary psql -U user -d postgres -c ${settings}`;

const rules = `SELECT type, database, user_name, address, auth_method FROM pg_hba_file_rules
  WHERE 'replication' = ANY(database) AND type = 'host';`;
await $`docker exec postgres_primary psql -U user -d postgres -c ${rules}`;
// :snippet-end:
