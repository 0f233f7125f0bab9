// timeout interrupts psql after 3 s, as Ctrl-C would: psql asks the server to cancel the wait.
// The commit is already done locally, and PostgreSQL says so; psql then exits with status 1.
const create = 'CREATE TABLE sync_probe (n int);';
const waited =
  await $`docker exec postgres_primary timeout --preserve-status -s INT 3 psql -q -U user -d postgres -c ${create}`.nothrow();
