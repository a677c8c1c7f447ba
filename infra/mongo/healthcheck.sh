#!/bin/bash
# Initiates the single-node replica set on the first start, then reports its state; as root, whose password
# is read from the environment (never on the compose file's command line).
set -euo pipefail
mongosh --quiet --host localhost -u "$MONGO_INITDB_ROOT_USERNAME" -p "$MONGO_INITDB_ROOT_PASSWORD" \
  --authenticationDatabase admin --eval \
  "try { rs.status().ok } catch (e) { rs.initiate({_id: 'rs0', members: [{_id: 0, host: 'mongo:27017'}]}).ok }" \
  | grep -q 1
