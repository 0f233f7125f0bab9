#!/usr/bin/env zx
// A physical replication slot on the primary, and the replica told to stream through it.
// Not safe to run twice: the second pg_create_physical_replication_slot fails with 'replication slot "replica_1" already exists'.
import { $ } from 'zx';
import '../../lib/guide.mjs';

// :snippet-start: commands
const createSlot = "SELECT pg_create_physical_replication_slot('replica_1');";
await $`docker exec postgres_primary psql -U user -d postgres -c ${createSlot}`;

const useSlot = "ALTER SYSTEM SET primary_slot_name = 'replica_1';";
await $`docker exec postgres_replica psql -U user -d postgres -AtX -c ${useSlot} -c ${'SELECT pg_reload_conf();'}`;

const slots = 'SELECT slot_name, slot_type, active, wal_status FROM pg_replication_slots;';
await $`until [ "$(docker exec postgres_primary psql -U user -d postgres -AtXc "SELECT active FROM pg_replication_slots WHERE slot_name = 'replica_1'")" = t ]; do sleep 1; done`;
await $`docker exec postgres_primary psql -U user -d postgres -c ${slots}`;
// :snippet-end:
