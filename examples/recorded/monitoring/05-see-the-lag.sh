docker exec postgres_primary psql -U user -d postgres -c 'SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn) > 0 AS replica_behind,
       pg_wal_lsn_diff(sent_lsn, replay_lsn) > 0 AS sent_not_replayed
  FROM pg_stat_replication;'
mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27017/" --quiet --eval 'db.record.countDocuments()'
mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27018/" --quiet --eval 'db.record.countDocuments()'
