#!/usr/bin/env bash
# Makes sure Debian's Chromium is at /usr/bin/chromium for the status page's
# browser test (playwright-core drives it; no browser download from npm).
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "[chromium] /usr/bin/chromium is missing: run 'sudo apt-get install chromium'" >&2
  exit 1
fi
echo "[chromium] installing Debian's chromium for the browser test" >&2
started=$(date +%s)
{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium; } > /tmp/wire-apt-chromium.log 2>&1 ||
  { cat /tmp/wire-apt-chromium.log >&2; exit 1; }
echo "[chromium] $(/usr/bin/chromium --version) installed in $(($(date +%s) - started)) s" >&2
