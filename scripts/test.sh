#!/usr/bin/env bash
# Quick start, part two: every check and test. Sets up what is missing, starts the
# local Redis and Kafka, then runs lint, the compose file check, and the unit and
# integration tests against the real services; with no arguments, the chaos test
# a second time on the other Kafka client, and once more on the production
# topology (three brokers, Redis behind Sentinels; see below).
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
# The chaos test once per Kafka client: the run above had the services on
# KAFKA_CLIENT (kafkajs when unset); a full run (no arguments) runs it again on
# the other library, at the same size, and each prints its own
# "chaos: client=... lost=0 duplicated=0" line.
other="$WIRE_ROOT/.wire/test-results-other-client.json"
rm -f "$other"
if [ "$#" -eq 0 ]; then
  if [ "${KAFKA_CLIENT:-kafkajs}" = platformatic ]; then other_client=kafkajs; else other_client=platformatic; fi
  KAFKA_CLIENT="$other_client" pnpm exec vitest run --project integration \
    --reporter=default --reporter=json --outputFile.json="$other" \
    test/e2e/chaos.integration.test.ts || status=$?
fi
# The production topology (infra/stack.sh start --cluster: three KRaft brokers,
# Redis with a replica and three Sentinels), started for this and stopped after:
# the Redis failover test, the story ledger's test across a failover, then the
# chaos test once on it (CHAOS_TOPOLOGY=cluster, at the same size: its summary
# line with brokers=3, and a line of publish pauses per fault). Its data is
# deleted after, so the next start is a fresh one (about 10 s).
cluster="$WIRE_ROOT/.wire/test-results-cluster.json"
rm -f "$cluster"
if [ "$#" -eq 0 ]; then
  bash infra/stack.sh start --cluster
  WIRE_CLUSTER=1 CHAOS_TOPOLOGY=cluster pnpm exec vitest run --project integration \
    --reporter=default --reporter=json --outputFile.json="$cluster" \
    packages/runtime/test/redis-failover.integration.test.ts \
    services/normalizer/test/story-ledger-failover.integration.test.ts \
    test/e2e/chaos.integration.test.ts || status=$?
  bash infra/stack.sh reset --cluster
fi
# The plain closing line CI reads: "tests: N passed, N failed".
node -e 'const fs = require("node:fs");
  const runs = process.argv.slice(1).filter((f) => fs.existsSync(f)).map((f) => require(f));
  const sum = (k) => runs.reduce((n, r) => n + r[k], 0);
  console.log(`tests: ${sum("numPassedTests")} passed, ${sum("numFailedTests")} failed` +
    (sum("numPendingTests") ? `, ${sum("numPendingTests")} skipped` : ""));' "$results" "$other" "$cluster" || true
exit "$status"
