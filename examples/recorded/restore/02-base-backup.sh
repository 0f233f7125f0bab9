docker run --rm --network ferretdb -u postgres -v wal_archive:/var/lib/postgresql/archive -e PGPASSWORD="$REPLICATION_PASSWORD" "$(docker inspect --format '{{.Config.Image}}' postgres_replica)" pg_basebackup -h postgres_replica -U replicator -D /var/lib/postgresql/archive/base -Ft -z -X fetch -c fast
docker exec postgres_primary ls /var/lib/postgresql/archive/base
docker exec postgres_primary sh -c 'tar -xzOf /var/lib/postgresql/archive/base/base.tar.gz backup_label | grep "BACKUP FROM"'
