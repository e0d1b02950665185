#!/usr/bin/env bash
# The local infrastructure without Docker: a real Redis (Debian's redis-server) and a
# real Apache Kafka broker in KRaft mode (jars from Maven Central, run on Java 17),
# both on loopback, data under .wire/ (git-ignored).
#
#   infra/stack.sh start    start both (idempotent) and wait until they answer
#   infra/stack.sh stop     stop both
#   infra/stack.sh status   say what runs
#   infra/stack.sh reset    stop both and delete their data
#
# With --cluster (start|stop|status|reset --cluster), the three-node Kafka and the
# Redis with a replica and three Sentinels of infra/cluster-stack.sh instead.
#
# Ports: WIRE_KAFKA_PORT (9092), WIRE_KAFKA_CONTROLLER_PORT (9093), WIRE_REDIS_PORT (6379).
set -euo pipefail

if [ "${2:-}" = --cluster ] || [ "${1:-}" = --cluster ]; then
  action="$1"; [ "$action" = --cluster ] && action="${2:-}"
  exec bash "$(dirname "${BASH_SOURCE[0]}")/cluster-stack.sh" "$action"
fi

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${WIRE_DATA_DIR:-$root/.wire}"
kafka_version="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$root/infra/kafka/pom.xml")"
kafka_port="${WIRE_KAFKA_PORT:-9092}"
controller_port="${WIRE_KAFKA_CONTROLLER_PORT:-9093}"
redis_port="${WIRE_REDIS_PORT:-6379}"
kafka_home="$data/kafka/$kafka_version"
kafka_run="$data/kafka/run-$kafka_port"
redis_run="$data/redis-$redis_port"

stack_name=stack
kafka_heap=1g
# shellcheck source=infra/stack-common.sh
source "$root/infra/stack-common.sh"

# --- Redis -----------------------------------------------------------------

ensure_redis_installed() {
  command -v redis-server >/dev/null && return 0
  [ "$(id -u)" = 0 ] || die "redis-server is missing: run 'sudo apt-get install redis-server'"
  log "installing Debian's redis-server"
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >&2
}

redis_answers() { [ "$(redis-cli -p "$redis_port" ping 2>/dev/null)" = PONG ]; }

start_redis() {
  ensure_redis_installed
  if redis_answers; then log "redis already answers on 127.0.0.1:$redis_port"; return; fi
  mkdir -p "$redis_run"
  # Every write reaches the disk before Redis answers: a done marker lost in a crash
  # would let a re-polled item be published a second time.
  redis-server --bind 127.0.0.1 --port "$redis_port" --daemonize yes \
    --dir "$redis_run" --pidfile "$redis_run/redis.pid" --logfile "$redis_run/redis.log" \
    --appendonly yes --appendfsync always --save ''
  wait_for 20 "redis" redis_answers
  log "redis $(redis-server --version | sed -n 's/.*v=\([^ ]*\).*/\1/p') answers on 127.0.0.1:$redis_port"
}

stop_redis() {
  if redis_answers; then redis-cli -p "$redis_port" shutdown >/dev/null 2>&1 || true; fi
  wait_for 20 "redis shutdown" bash -c "! (exec 3<>/dev/tcp/127.0.0.1/$redis_port) 2>/dev/null"
  log "redis stopped"
}

# --- Kafka -----------------------------------------------------------------

kafka_pid() { [ -f "$kafka_run/kafka.pid" ] && cat "$kafka_run/kafka.pid"; }

start_kafka() {
  fetch_kafka
  if port_open "$kafka_port"; then log "kafka already answers on 127.0.0.1:$kafka_port"; return; fi
  mkdir -p "$kafka_run/logs"
  sed -e "s#@KAFKA_PORT@#$kafka_port#g" -e "s#@CONTROLLER_PORT@#$controller_port#g" \
    -e "s#@DATA_DIR@#$kafka_run/data#g" \
    "$root/infra/kafka/server.properties.template" > "$kafka_run/server.properties"
  if [ ! -f "$kafka_run/data/meta.properties" ]; then
    local cluster_id
    cluster_id="$(kafka_jvm kafka.tools.StorageTool random-uuid)"
    kafka_jvm kafka.tools.StorageTool format --ignore-formatted \
      -t "$cluster_id" -c "$kafka_run/server.properties" > "$kafka_run/logs/format.log" 2>&1 ||
      { cat "$kafka_run/logs/format.log" >&2; die "formatting the Kafka storage failed"; }
  fi
  launch_broker
  local started=$SECONDS
  wait_for 120 "kafka" kafka_ready
  log "kafka $kafka_version (KRaft) answers on 127.0.0.1:$kafka_port after $((SECONDS - started))s"
}

stop_kafka() {
  stop_by_pid_file "$kafka_run/kafka.pid" 30
  log "kafka stopped"
}

status() {
  if redis_answers; then echo "redis  up    127.0.0.1:$redis_port"; else echo "redis  down  127.0.0.1:$redis_port"; fi
  if port_open "$kafka_port"; then echo "kafka  up    127.0.0.1:$kafka_port ($kafka_version)"; else echo "kafka  down  127.0.0.1:$kafka_port"; fi
}

case "${1:-}" in
  start) start_redis; start_kafka ;;
  stop) stop_kafka; stop_redis ;;
  status) status ;;
  reset) stop_kafka; stop_redis; rm -rf "$kafka_run" "$redis_run"; log "data deleted" ;;
  *) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
