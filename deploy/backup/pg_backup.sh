#!/bin/sh
# Dump the Posko database (custom format, restorable with pg_restore) and keep 14 days.
# Needs PGDATABASE (and PGHOST/PGUSER/PGPASSWORD or a ~/.pgpass) in /etc/posko/backup.env.
set -eu
target=${BACKUP_DIR:-/var/backups/posko}
keep_days=${BACKUP_KEEP_DAYS:-14}
mkdir -p "$target"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
file="$target/posko-$stamp.dump"
pg_dump --format=custom --no-owner --file="$file.partial" "$PGDATABASE"
pg_restore --list "$file.partial" > /dev/null   # a dump that cannot be listed is no backup
mv "$file.partial" "$file"
find "$target" -name 'posko-*.dump' -mtime +"$keep_days" -delete
echo "backup written: $file ($(wc -c < "$file") bytes)"
