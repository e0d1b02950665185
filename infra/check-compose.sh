#!/usr/bin/env bash
# Validates docker-compose.yml with Debian's docker-compose (no Docker engine
# needed for `config`), installing it when missing and allowed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

if ! command -v docker-compose >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "[compose] installing Debian's docker-compose to validate the file" >&2
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker-compose; } > /tmp/wire-apt-compose.log 2>&1 ||
      { cat /tmp/wire-apt-compose.log >&2; exit 1; }
  else
    echo "[compose] docker-compose not installed: skipping the compose file check" >&2
    exit 0
  fi
fi
compose() { docker-compose -f "$root/docker-compose.yml" --project-directory "$root" "$@"; }
compose config --quiet
# The cluster profile: valid too, and its services really get the three brokers,
# the replication and the Sentinels.
cluster="$(compose --env-file "$root/infra/compose/cluster.compose.env" config)"
for expected in 'KAFKA_BROKERS: kafka:9092,kafka-2:9092,kafka-3:9092' 'KAFKA_REPLICATION_FACTOR: '"'"'3'"'"'' \
  'REDIS_SENTINELS: sentinel-1:26379,sentinel-2:26379,sentinel-3:26379' \
  'KAFKA_CONTROLLER_QUORUM_VOTERS: 1@kafka:9093,2@kafka-2:9093,3@kafka-3:9093'; do
  grep -qF "$expected" <<<"$cluster" || { echo "[compose] the cluster profile lacks: $expected" >&2; exit 1; }
done
echo "[compose] docker-compose.yml is valid, single-node and cluster ($(docker-compose version --short))" >&2
