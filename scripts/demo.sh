#!/usr/bin/env bash
# Quick start, part one: sets up everything this machine lacks (Node 24, pnpm,
# dependencies, Redis, the Kafka jars), starts the local stack and runs the whole
# pipeline on the bundled Yonhap sample feeds, printing each event as it arrives.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$WIRE_ROOT"

wire_install_and_build
bash infra/stack.sh start
pnpm -s topics
pnpm -s wire demo "$@"
wire_log "the stack keeps running; stop it with: bash infra/stack.sh stop"
