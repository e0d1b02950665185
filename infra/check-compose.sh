#!/usr/bin/env bash
# Validates docker-compose.yml (alone and with docker-compose.cluster.yml) with Debian's docker-compose (no Docker engine
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
docker-compose -f "$root/docker-compose.yml" --project-directory "$root" config --quiet
# The production topology over it: three Kafka nodes, Redis with a replica and Sentinels.
docker-compose -f "$root/docker-compose.yml" -f "$root/docker-compose.cluster.yml" \
  --project-directory "$root" config --quiet
echo "[compose] docker-compose.yml and docker-compose.cluster.yml are valid ($(docker-compose version --short))" >&2
