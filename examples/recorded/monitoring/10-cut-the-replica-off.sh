docker network disconnect ferretdb postgres_replica
mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27017/" --quiet --eval 'db.record.insertOne({ username: "written while the replica is cut off" }).acknowledged'
docker exec postgres_primary psql -U user -d postgres -c "SELECT application_name, state,
       pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn) > 0 AS replica_behind,
       current_setting('wal_sender_timeout') AS wal_sender_timeout
  FROM pg_stat_replication;"
