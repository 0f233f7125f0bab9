// Quiet: compose's progress lines say nothing the two lists after it do not.
await $`docker compose --progress quiet down --volumes`;
// Nothing of the project left: each list shows its header alone.
await $`docker compose ps --all`;
await $`docker volume ls --filter label=com.docker.compose.project=ferretdb-replication`;
// Then the .env of step 1 of the replication guide, as its first line says: a file of your own stays.
await $`if grep -qsxF ${envFileMarker} .env; then rm .env; fi`;
