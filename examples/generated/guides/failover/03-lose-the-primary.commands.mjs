await $`docker kill postgres_primary`;
