#!/bin/bash
# The broker of the production compose stack (apache/kafka image, combined broker and controller, KRaft).
# Clients reach one listener only, SASL_PLAINTEXT with SCRAM-SHA-512 on kafka:9092, inside the compose
# network (nothing is published). The controller listener is bound to the container's loopback, so no other
# container can speak to it; its requests arrive unauthenticated (User:ANONYMOUS), which is why ANONYMOUS is a
# super user: no listener reachable from outside the container is unauthenticated. Every other principal gets
# only what infra/kafka/acls.conf grants (StandardAuthorizer, allow.everyone.if.no.acl.found=false); topics are
# never auto-created. The admin's SCRAM credential is written into the metadata when the storage is formatted
# (the broker authenticates itself with it before any user could be added); the services' users, the topics and
# the ACLs come from kafka-init (init.sh).
# Passwords: letters and digits (e.g. openssl rand -hex 24): they end up in JAAS and SCRAM configuration strings.
set -euo pipefail

: "${KAFKA_ADMIN_PASSWORD:?KAFKA_ADMIN_PASSWORD is required}"
KAFKA_HOME=${KAFKA_HOME:-/opt/kafka}
DATA=${KAFKA_DATA_DIR:-/var/lib/kafka/data}
CONF_DIR=${KAFKA_CONF_DIR:-/tmp/qingdan-kafka}
PORT=${KAFKA_PORT:-9092}
CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-9093}
ADVERTISED=${KAFKA_ADVERTISED_HOST:-kafka}
REPLICATION=${KAFKA_INTERNAL_REPLICATION_FACTOR:-1}
mkdir -p "$CONF_DIR"
chmod 700 "$CONF_DIR"
umask 077

cat > "$CONF_DIR/server.properties" <<PROPERTIES
node.id=1
process.roles=broker,controller
controller.quorum.voters=1@localhost:${CONTROLLER_PORT}
controller.listener.names=CONTROLLER
listeners=SASL_PLAINTEXT://:${PORT},CONTROLLER://localhost:${CONTROLLER_PORT}
advertised.listeners=SASL_PLAINTEXT://${ADVERTISED}:${PORT}
listener.security.protocol.map=SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=SASL_PLAINTEXT
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${KAFKA_ADMIN_PASSWORD}";
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
super.users=User:admin;User:ANONYMOUS
allow.everyone.if.no.acl.found=false
auto.create.topics.enable=false
log.dirs=${DATA}
num.partitions=3
offsets.topic.replication.factor=${REPLICATION}
transaction.state.log.replication.factor=${REPLICATION}
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=${REPLICATION}
share.coordinator.state.topic.min.isr=1
PROPERTIES

# for the healthcheck and kafka-init: the admin's client configuration
cat > "$CONF_DIR/admin.properties" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${KAFKA_ADMIN_PASSWORD}";
PROPERTIES

# first start only (--ignore-formatted): the cluster id and the admin's credential
"$KAFKA_HOME/bin/kafka-storage.sh" format --ignore-formatted \
  --cluster-id "${KAFKA_CLUSTER_ID:-$("$KAFKA_HOME/bin/kafka-storage.sh" random-uuid)}" \
  --config "$CONF_DIR/server.properties" \
  --add-scram "SCRAM-SHA-512=[name=admin,password=${KAFKA_ADMIN_PASSWORD}]"

exec "$KAFKA_HOME/bin/kafka-server-start.sh" "$CONF_DIR/server.properties"
