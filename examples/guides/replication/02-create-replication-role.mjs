#!/usr/bin/env zx
// The role the replica logs in as to stream WAL, with the password step 1 generated.
// Not safe to run twice: the second CREATE ROLE fails with 'role "replicator" already exists'.
import { $ } from 'zx';
import '../../lib/guide.mjs';

// :snippet-start: commands
// psql quotes the variable as a string literal (:'password'), so the password appears in no command;
// ON_ERROR_STOP: without it, psql reading standard input exits 0 after a failed statement; with it, 3.
const createRole = "CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD :'password';";
await $`echo ${createRole} | docker exec -i postgres_primary psql -U user -d postgres -v ON_ERROR_STOP=1 -v password="$REPLICATION_PASSWORD"`;
// :snippet-end:
