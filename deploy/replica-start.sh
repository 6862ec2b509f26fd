#!/bin/bash
# The standby's entry point: on first start, a base backup of the primary
# (with standby.signal and the connection to stream from, -R) into an empty
# data directory; then PostgreSQL as a hot standby.
set -euo pipefail
export PGDATA=/var/lib/postgresql/18/docker
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  mkdir -p "$PGDATA" && chmod 700 "$PGDATA"
  until pg_basebackup -h primary -U replicator -D "$PGDATA" -R -X stream -C -S replica1; do
    echo "waiting for the primary"; sleep 2
  done
fi
exec postgres -c hot_standby=on
