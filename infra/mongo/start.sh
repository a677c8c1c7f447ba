#!/bin/bash
# MongoDB of the production compose stack: a single-node replica set with access control. A replica set with
# authorization needs a key file for its members' internal authentication (mongod refuses --replSet with auth
# otherwise); it is written from MONGO_REPLICA_SET_KEY (6 to 1024 base64 characters, e.g.
# openssl rand -base64 756 | tr -d '\n'), readable by mongod only. The image's entrypoint then creates the root
# user from MONGO_INITDB_ROOT_USERNAME / _PASSWORD and runs init-users.js on the first start (empty volume).
set -euo pipefail
: "${MONGO_REPLICA_SET_KEY:?MONGO_REPLICA_SET_KEY is required}"
KEYFILE=/etc/mongo-keyfile/replica-set.key
mkdir -p "$(dirname "$KEYFILE")"
umask 077
printf '%s' "$MONGO_REPLICA_SET_KEY" > "$KEYFILE"
chmod 400 "$KEYFILE"
chown 999:999 "$KEYFILE" "$(dirname "$KEYFILE")"
exec docker-entrypoint.sh mongod --replSet rs0 --bind_ip_all --keyFile "$KEYFILE"
