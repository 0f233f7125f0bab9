docker compose --progress quiet down --volumes
for step in recorded/replication/{01..10}-*.sh; do echo "$step"; COMPOSE_FILE=compose.yaml:compose.upgrade-from.yaml bash "$step" > /dev/null 2>&1 || echo "  failed: run its commands one by one to see why"; done
