#!/bin/bash
# kafka-init: runs once before the services start (docker-compose.yml: service_completed_successfully), as the
# broker's admin. It (re)sets each service's SCRAM-SHA-512 credential from <SERVICE>_KAFKA_PASSWORD (so a rotated
# password takes effect on the next "docker-compose up"), creates the topics of topics.conf and adds the ACLs of
# acls.conf. Everything is idempotent. Topics are created here rather than by each service at start
# (KafkaSupportAutoConfiguration's KafkaAdmin.NewTopics) so that no service needs CREATE, nor DESCRIBE on topics
# it neither reads nor writes, nor ALTER when a partition count differs: partitions and replicas are the
# operator's decision, made once, with the admin's credential, which no service holds.
# ACLs are only added: one removed from acls.conf must be removed by hand (kafka-acls.sh --remove).
set -euo pipefail

: "${KAFKA_ADMIN_PASSWORD:?KAFKA_ADMIN_PASSWORD is required}"
KAFKA_HOME=${KAFKA_HOME:-/opt/kafka}
BOOTSTRAP=${KAFKA_BOOTSTRAP_SERVERS:-kafka:9092}
HERE=$(cd "$(dirname "$0")" && pwd)
PARTITIONS=${KAFKA_TOPIC_PARTITIONS:-3}
REPLICATION=${KAFKA_TOPIC_REPLICATION_FACTOR:-1}
CONF_DIR=$(mktemp -d)
trap 'rm -rf "$CONF_DIR"' EXIT
umask 077
cat > "$CONF_DIR/admin.properties" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${KAFKA_ADMIN_PASSWORD}";
PROPERTIES
ADMIN=(--bootstrap-server "$BOOTSTRAP" --command-config "$CONF_DIR/admin.properties")

for attempt in $(seq 1 60); do
  if "$KAFKA_HOME/bin/kafka-broker-api-versions.sh" "${ADMIN[@]}" >/dev/null 2>&1; then break; fi
  [ "$attempt" = 60 ] && { echo "kafka-init: the broker did not answer" >&2; exit 1; }
  sleep 2
done

# the principals of acls.conf, each with its password from the environment
for principal in $(grep -v '^\s*#' "$HERE/acls.conf" | awk 'NF {print $1}' | sort -u); do
  var="$(echo "$principal" | tr 'a-z-' 'A-Z_')_KAFKA_PASSWORD"
  password="${!var:?$var is required (the SCRAM password of $principal)}"
  "$KAFKA_HOME/bin/kafka-configs.sh" "${ADMIN[@]}" --alter --entity-type users --entity-name "$principal" \
    --add-config "SCRAM-SHA-512=[password=${password}]" >/dev/null
  echo "kafka-init: SCRAM-SHA-512 credential of $principal set"
done

grep -v '^\s*#' "$HERE/topics.conf" | awk 'NF {print $1}' | while read -r topic; do
  "$KAFKA_HOME/bin/kafka-topics.sh" "${ADMIN[@]}" --create --if-not-exists --topic "$topic" \
    --partitions "$PARTITIONS" --replication-factor "$REPLICATION" >/dev/null
  case "$topic" in
    *.DLT|listing.events) # a dead letter is work not done: kept until an admin replays it; listing.events is the
      # public contract the association website can rebuild the list from (KafkaSupportAutoConfiguration)
      "$KAFKA_HOME/bin/kafka-configs.sh" "${ADMIN[@]}" --alter --entity-type topics --entity-name "$topic" \
        --add-config retention.ms=-1 >/dev/null ;;
  esac
  echo "kafka-init: topic $topic"
done

grep -v '^\s*#' "$HERE/acls.conf" | awk 'NF' | while read -r principal operation type pattern name; do
  "$KAFKA_HOME/bin/kafka-acls.sh" "${ADMIN[@]}" --add --allow-principal "User:$principal" \
    --operation "$operation" "--$type" "$name" --resource-pattern-type "$pattern" >/dev/null
  echo "kafka-init: $principal may $operation $type $name ($pattern)"
done
echo "kafka-init: done"
