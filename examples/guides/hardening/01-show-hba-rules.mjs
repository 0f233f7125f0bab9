#!/usr/bin/env zx
// The pg_hba.conf rules that decide who may open a replication connection.
// Read-only: safe to run twice.
import { $ } from 'zx';
import '../../lib/guide.mjs';

// :snippet-start: commands
const rules = `SELECT line_number, type, database, user_name, address, auth_method
  FROM pg_hba_file_rules ORDER BY line_number;`;
await $`docker exec postgres_primary psql -U user -d postgres -c ${rules}`;
// :snippet-end:
