for step in recorded/replication/{01..10}-*.sh; do . "$step" > /dev/null 2>&1 || echo "failed: $step (run its commands one by one to see why)"; done
mongosh "mongodb://user:$POSTGRES_PASSWORD@localhost:27018/" --quiet --eval 'db.record.find({}, { _id: 0 }).toArray()'
