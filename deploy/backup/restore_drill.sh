#!/bin/sh
# Restore drill: restore the newest dump into a scratch database, check it, drop it.
# Run it before election week and after every upgrade:
#   PGHOST=127.0.0.1 PGUSER=postgres deploy/backup/restore_drill.sh [/var/backups/posko]
# It never touches the live database: it creates posko_restore_drill and removes it.
set -eu
dir=${1:-/var/backups/posko}
dump=$(ls -1t "$dir"/posko-*.dump | head -n 1)
scratch=posko_restore_drill
echo "restoring $dump into $scratch"
dropdb --if-exists "$scratch"
createdb "$scratch"
pg_restore --no-owner --dbname="$scratch" "$dump"
psql --no-psqlrc --quiet --tuples-only --dbname="$scratch" <<'SQL'
SELECT 'schema revision: ' || version_num FROM alembic_version;
SELECT 'regions: ' || count(*) FROM region;
SELECT 'people: ' || count(*) FROM person;
SELECT 'reports: ' || count(*) || ', newest ' || coalesce(max(created_at)::text, '-') FROM report;
SELECT 'incidents: ' || count(*) FROM incident;
SELECT 'unprocessed updates: ' || count(*) FROM inbound_update WHERE processed_at IS NULL;
SELECT 'pending outbox: ' || count(*) FROM outbox_message WHERE status = 'pending';
SQL
dropdb "$scratch"
echo "restore drill passed: $dump"
