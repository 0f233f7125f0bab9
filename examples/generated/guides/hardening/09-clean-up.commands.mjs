await $`docker compose down --volumes`;
// Only the .env that step 8 wrote, as its first line says: a file of your own stays.
await $`if grep -qsxF ${envFileMarker} .env; then rm .env; fi`;
