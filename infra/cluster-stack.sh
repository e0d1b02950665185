#!/usr/bin/env bash
# The production topology on loopback, beside infra/stack.sh and infra/secure-stack.sh:
# the same pinned Kafka as three KRaft nodes (each controller and broker), and Redis
# with one replica and three Sentinels watching it under the master name "wire".
#
#   infra/stack.sh start --cluster    start whatever of it is down (idempotent) and wait
#   infra/stack.sh stop --cluster     stop all of it
#   infra/stack.sh status --cluster   say what runs, which node leads the KRaft quorum
#                                     and which Redis is the primary
#   infra/stack.sh reset --cluster    stop all of it and delete its data
#
# Kafka brokers 127.0.0.1:19092,19093,19094 (controllers 19192-19194, -Xmx384m each);
# Redis 6391 (first primary) and 6392 (first replica), Sentinels 26391-26393.
# Data under .wire/cluster/. Clients: KAFKA_BROKERS=127.0.0.1:19092,127.0.0.1:19093,
# 127.0.0.1:19094 REDIS_SENTINELS=127.0.0.1:26391,127.0.0.1:26392,127.0.0.1:26393
# REDIS_SENTINEL_NAME=wire KAFKA_REPLICATION_FACTOR=3 KAFKA_MIN_INSYNC_REPLICAS=2.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${WIRE_DATA_DIR:-$root/.wire}"
cluster="$data/cluster"
kafka_version="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$root/infra/kafka/pom.xml")"
kafka_home="$data/kafka/$kafka_version"
nodes=(1 2 3)
broker_port() { echo $((19091 + $1)); }
controller_port() { echo $((19191 + $1)); }
redis_ports=(6391 6392)
sentinel_ports=(26391 26392 26393)
master_name=wire

stack_name=cluster-stack
kafka_heap=384m
kafka_run=""
# shellcheck source=infra/stack-common.sh
source "$root/infra/stack-common.sh"

# --- Kafka -------------------------------------------------------------------

node_run() { echo "$cluster/kafka-$1"; }
voters() {
  local list=() n
  for n in "${nodes[@]}"; do list+=("$n@127.0.0.1:$(controller_port "$n")"); done
  (IFS=,; echo "${list[*]}")
}

start_node() { # node-id: starts it unless its broker port answers (the JVM starts in the background)
  local n=$1
  kafka_run="$(node_run "$n")"
  kafka_port="$(broker_port "$n")"
  if port_open "$kafka_port"; then return 1; fi
  mkdir -p "$kafka_run/logs"
  sed -e "s#@NODE_ID@#$n#g" -e "s#@VOTERS@#$(voters)#g" \
    -e "s#@KAFKA_PORT@#$kafka_port#g" -e "s#@CONTROLLER_PORT@#$(controller_port "$n")#g" \
    -e "s#@DATA_DIR@#$kafka_run/data#g" \
    "$root/infra/kafka/cluster-server.properties.template" > "$kafka_run/server.properties"
  if [ ! -f "$kafka_run/data/meta.properties" ]; then
    kafka_jvm kafka.tools.StorageTool format --ignore-formatted \
      -t "$(cat "$cluster/cluster-id")" -c "$kafka_run/server.properties" > "$kafka_run/logs/format.log" 2>&1 ||
      { cat "$kafka_run/logs/format.log" >&2; die "formatting node $n's storage failed"; }
  fi
  # The log of the run before stays, for whoever looks into a failover.
  [ -s "$kafka_run/logs/server.log" ] && mv "$kafka_run/logs/server.log" "$kafka_run/logs/server.log.previous"
  launch_broker
}

node_ready() { kafka_run="$(node_run "$1")"; kafka_port="$(broker_port "$1")"; kafka_ready; }

start_kafka() {
  fetch_kafka
  mkdir -p "$cluster"
  # One cluster id for the three nodes' storage, chosen once.
  [ -s "$cluster/cluster-id" ] || kafka_jvm kafka.tools.StorageTool random-uuid > "$cluster/cluster-id"
  local started=$SECONDS n launched=()
  # All three at once: a node waits for a quorum of controllers before it serves.
  for n in "${nodes[@]}"; do
    if start_node "$n"; then launched+=("$n"); fi
  done
  for n in "${launched[@]}"; do wait_for 120 "kafka node $n" node_ready "$n"; done
  if [ "${#launched[@]}" -eq 0 ]; then
    log "kafka already answers on 127.0.0.1:19092,19093,19094"
  else
    log "kafka $kafka_version (KRaft, nodes ${launched[*]} started) answers on 127.0.0.1:19092,19093,19094 after $((SECONDS - started))s"
  fi
}

stop_kafka() {
  local n
  for n in "${nodes[@]}"; do stop_by_pid_file "$(node_run "$n")/kafka.pid" 30 & done
  wait
  log "kafka stopped"
}

quorum_leader() { # the KRaft leader as the nodes last wrote it down (quorum-state)
  local n
  for n in "${nodes[@]}"; do
    local file
    file="$(node_run "$n")/data/__cluster_metadata-0/quorum-state"
    [ -f "$file" ] && sed -n 's/.*"leaderId":\([0-9-]*\).*/\1/p' "$file" && return 0
  done
  echo "?"
}

# --- Redis and Sentinel --------------------------------------------------------

redis_answers() { [ "$(redis-cli -p "$1" ping 2>/dev/null)" = PONG ]; }

sentinel_master() { # host:port of the primary by the first Sentinel that answers
  local port addr
  for port in "${sentinel_ports[@]}"; do
    addr="$(redis-cli -p "$port" sentinel get-master-addr-by-name "$master_name" 2>/dev/null | paste -sd: || true)"
    if [[ "$addr" =~ ^[0-9.]+:[0-9]+$ ]]; then echo "$addr"; return 0; fi
  done
  return 1
}

start_redis_node() { # port: starts it; a restarted node follows the primary the Sentinels name
  local port=$1 run="$cluster/redis-$1"
  if redis_answers "$port"; then return 1; fi
  mkdir -p "$run"
  local primary="127.0.0.1:${redis_ports[0]}"
  primary="$(sentinel_master || echo "$primary")"
  if [ ! -f "$run/redis.conf" ]; then
    cat > "$run/redis.conf" <<CONF
bind 127.0.0.1
port $port
dir $run
pidfile $run/redis.pid
logfile $run/redis.log
daemonize yes
# Every write on the disk before Redis answers, as on the single-node stack.
appendonly yes
appendfsync always
save ""
# A replica answers reads while it syncs; writes go to the primary only.
replica-read-only yes
replica-serve-stale-data yes
CONF
  fi
  # Sentinels rewrite this file (replicaof) when they move the primary; a node
  # that comes back starts as a replica of whoever is primary now, so it never
  # takes writes its Sentinels do not know of.
  sed -i '/^replicaof /d' "$run/redis.conf"
  if [ "$primary" != "127.0.0.1:$port" ]; then
    echo "replicaof ${primary%:*} ${primary#*:}" >> "$run/redis.conf"
  fi
  redis-server "$run/redis.conf"
}

start_sentinel() { # port
  local port=$1 run="$cluster/sentinel-$1"
  if redis_answers "$port"; then return 1; fi
  mkdir -p "$run"
  if [ ! -f "$run/sentinel.conf" ]; then
    cat > "$run/sentinel.conf" <<CONF
bind 127.0.0.1
port $port
dir $run
pidfile $run/sentinel.pid
logfile $run/sentinel.log
daemonize yes
sentinel monitor $master_name 127.0.0.1 ${redis_ports[0]} 2
# A primary silent for 2 s is down once two Sentinels agree; the failover then
# promotes the replica with the most data.
sentinel down-after-milliseconds $master_name 2000
sentinel failover-timeout $master_name 10000
sentinel parallel-syncs $master_name 1
CONF
  fi
  if command -v redis-sentinel >/dev/null; then redis-sentinel "$run/sentinel.conf"
  else redis-server "$run/sentinel.conf" --sentinel; fi
}

start_redis() {
  command -v redis-server >/dev/null || die "redis-server is missing: run infra/stack.sh start first"
  mkdir -p "$cluster"
  local port started=()
  # Sentinels first: a Redis node that comes back asks them who is primary.
  for port in "${sentinel_ports[@]}"; do start_sentinel "$port" && started+=("sentinel:$port"); done
  for port in "${sentinel_ports[@]}"; do wait_for 20 "sentinel $port" redis_answers "$port"; done
  for port in "${redis_ports[@]}"; do start_redis_node "$port" && started+=("redis:$port"); done
  for port in "${redis_ports[@]}"; do wait_for 20 "redis $port" redis_answers "$port"; done
  if [ "${#started[@]}" -eq 0 ]; then
    log "redis already answers (primary $(sentinel_master || echo '?'))"
  else
    log "redis $(redis-server --version | sed -n 's/.*v=\([^ ]*\).*/\1/p') with replica and Sentinels (started ${started[*]}), primary $(sentinel_master || echo '?')"
  fi
}

stop_redis() {
  local port
  for port in "${sentinel_ports[@]}"; do stop_by_pid_file "$cluster/sentinel-$port/sentinel.pid" 20; done
  for port in "${redis_ports[@]}"; do stop_by_pid_file "$cluster/redis-$port/redis.pid" 20; done
  log "redis and sentinels stopped"
}

status() {
  local n port
  for n in "${nodes[@]}"; do
    port="$(broker_port "$n")"
    if port_open "$port"; then echo "kafka-$n    up    127.0.0.1:$port"; else echo "kafka-$n    down  127.0.0.1:$port"; fi
  done
  echo "kraft leader: node $(quorum_leader)"
  for port in "${redis_ports[@]}"; do
    if redis_answers "$port"; then
      echo "redis      up    127.0.0.1:$port ($(redis-cli -p "$port" role 2>/dev/null | head -1))"
    else echo "redis      down  127.0.0.1:$port"; fi
  done
  for port in "${sentinel_ports[@]}"; do
    if redis_answers "$port"; then echo "sentinel   up    127.0.0.1:$port"; else echo "sentinel   down  127.0.0.1:$port"; fi
  done
  echo "redis primary ($master_name): $(sentinel_master || echo '?')"
}

case "${1:-}" in
  start) start_redis; start_kafka ;;
  stop) stop_kafka; stop_redis ;;
  status) status ;;
  reset) stop_kafka; stop_redis; rm -rf "$cluster"; log "data deleted" ;;
  *) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
