#!/usr/bin/env bash
# Quick start, part two: every check and test. Sets up what is missing, starts the
# local Redis and Kafka, then runs lint, the compose file check, and the unit and
# integration tests against the real services.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$WIRE_ROOT"

wire_install_and_build
pnpm -s lint
bash infra/check-compose.sh
bash infra/check-prometheus.sh
bash infra/ensure-chromium.sh
bash scripts/audit.sh
bash infra/stack.sh start
bash infra/secure-stack.sh start
pnpm -s topics
results="$WIRE_ROOT/.wire/test-results.json"
mkdir -p "$(dirname "$results")"
status=0
pnpm exec vitest run --reporter=default --reporter=json --outputFile.json="$results" "$@" || status=$?
# The plain closing line CI reads: "tests: N passed, N failed".
node -e 'const r = require(process.argv[1]);
  console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed` +
    (r.numPendingTests ? `, ${r.numPendingTests} skipped` : ""));' "$results" || true
exit "$status"
