#!/usr/bin/env zx
// The role the replica logs in as to stream WAL.
// Not safe to run twice: the second CREATE ROLE fails with 'role "replicator" already exists'.
import { $ } from 'zx';
import '../../lib/guide.mjs';

const createRole = "CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD 'replicatorpassword';";
await $`docker exec postgres_primary psql -U user -d postgres -c ${createRole}`;
