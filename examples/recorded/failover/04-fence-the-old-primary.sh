docker compose run --rm --no-deps --entrypoint touch postgres_primary /var/lib/postgresql/data/standby.signal
