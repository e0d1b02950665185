#!/usr/bin/env bash
# Validates the Prometheus configuration and alert rules with promtool, and runs
# the rules' unit tests (infra/prometheus/alerts.test.yml). Installs Debian's
# prometheus package, which ships promtool, when it is missing and allowed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="$root/infra/prometheus"

if ! command -v promtool >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "[prometheus] installing Debian's prometheus for promtool" >&2
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus; } > /tmp/wire-apt-prometheus.log 2>&1 ||
      { cat /tmp/wire-apt-prometheus.log >&2; exit 1; }
  else
    echo "[prometheus] promtool not installed: skipping the Prometheus checks" >&2
    exit 0
  fi
fi
# promtool resolves rule_files relative to the config file, so check from its folder.
cd "$dir"
promtool check config prometheus.yml
promtool check rules alerts.yml
promtool test rules alerts.test.yml
echo "[prometheus] config, rules and rule tests pass ($(promtool --version 2>&1 | head -n1))" >&2
