// timeout interrupts psql after 3 s, as Ctrl-C would: psql asks the server to cancel the wait.
// The commit is already done locally, and PostgreSQL says so; psql then exits with status 1.
// --foreground: the signal goes to psql once, not a second time to timeout's process group.
const create = 'CREATE TABLE sync_probe (n int);';
const waited =
  await $`docker exec postgres_primary timeout --foreground --preserve-status -s INT 3 psql -q -U user -d postgres -c ${create}`.nothrow();
