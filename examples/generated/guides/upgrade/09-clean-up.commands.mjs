await $`docker compose down --volumes`;
