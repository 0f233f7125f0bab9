#!/usr/bin/env zx
// Change the password of `user` in PostgreSQL and in .env together; the next step recreates the
// containers so that FerretDB connects with the new one.
// Safe to run again, even after an interruption: psql in the container logs in over the socket,
// which needs no password, so a second run sets another new password and writes that one.
import { $ } from 'zx';
import '../../lib/guide.mjs';

// :snippet-start: commands
// A new password, set on the primary (the replica replays it), then written over the old one in
// .env: a copy made with umask 077, moved into place, so the file is never half written.
const setPassword = "ALTER ROLE CURRENT_USER PASSWORD :'new_password';";
await $`new_password="$(openssl rand -hex 24)" &&
echo ${setPassword} | docker exec -i postgres_primary psql -U user -d postgres -v ON_ERROR_STOP=1 -v new_password="$new_password" &&
(umask 077 && sed "s/^POSTGRES_PASSWORD=.*/POSTGRES_PASSWORD=$new_password/" .env > .env.new) &&
mv .env.new .env`;

// :snippet-end:
