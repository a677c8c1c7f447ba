#!/usr/bin/env bash
# Creates the Secrets the manifests read and nobody else makes, each with a fresh random value (openssl rand -hex 24:
# letters and digits, since they end up in URIs), in the namespace (default qingdan). A Secret that exists is left
# as it is, so running it again changes nothing; to rotate one, delete it first (and see infra/k8s/README.md for
# what reads it). Values go to kubectl through files, never on a command line.
#
#   infra/k8s/create-secrets.sh https://qingdan.example.org [namespace]
#
# With DRY_RUN=1 it only prints what it would create (kubectl's client-side dry run, no cluster needed).
# Not made here: the TLS certificates of the Ingresses (qingdan-tls, keycloak-tls: cert-manager or
# kubectl create secret tls) and what the operators generate (each KafkaUser's Secret, the cluster CA, MongoDB's
# connection strings).
set -euo pipefail
public_url=${1:?usage: create-secrets.sh PUBLIC_URL_OF_THE_GATEWAY [namespace]}
namespace=${2:-qingdan}
kubectl=${KUBECTL:-kubectl}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
umask 077

create() {  # create NAME KEY=VALUE-or-random ...
  local name=$1
  shift
  if [ "${DRY_RUN:-0}" != 1 ] && "$kubectl" -n "$namespace" get secret "$name" >/dev/null 2>&1; then
    echo "secret $name exists: left as it is"
    return
  fi
  local args=() pair key value
  for pair in "$@"; do
    key=${pair%%=*}
    value=${pair#*=}
    [ "$value" = random ] && value=$(openssl rand -hex 24)
    printf '%s' "$value" > "$work/$key"
    args+=("--from-file=$key=$work/$key")
  done
  if [ "${DRY_RUN:-0}" = 1 ]; then
    "$kubectl" -n "$namespace" create secret generic "$name" "${args[@]}" --dry-run=client -o name
  else
    "$kubectl" -n "$namespace" create secret generic "$name" "${args[@]}"
  fi
  rm -f "$work"/*
}

# MongoDB: each service's user's password (the operator creates the users and their connection strings from them)
for service in application-service review-service listing-service notification-service; do
  create "$service-mongodb-password" password=random
done
# Keycloak: its database, its first (temporary) admin, the reviewer UI's client secret (read by Keycloak's realm
# import and by review-service), and the gateway's public URL (a placeholder of the realm: redirect URIs)
create keycloak-db username=keycloak password=random
create keycloak-bootstrap-admin username=kcadmin password=random
create review-ui-client client-secret=random
create qingdan-public-url "url=$public_url"
