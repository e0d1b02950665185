#!/usr/bin/env bash
# A second local Kafka and Redis that only accept authenticated TLS connections,
# for the security tests (run beside infra/stack.sh, sharing its Kafka jars):
#
#   infra/secure-stack.sh start    start both (idempotent) and wait until they answer
#   infra/secure-stack.sh stop     stop both
#   infra/secure-stack.sh status   say what runs
#   infra/secure-stack.sh reset    stop both, delete their data, certificates and passwords
#
# Kafka: SASL_SSL with SCRAM-SHA-512 on WIRE_SECURE_KAFKA_PORT (9094), controller on
# WIRE_SECURE_CONTROLLER_PORT (9095, plaintext loopback). Redis: TLS only on
# WIRE_SECURE_REDIS_PORT (6380), default user off, ACL user "wire".
# A throwaway CA, the server certificate and the passwords live in .wire/secure/.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${WIRE_DATA_DIR:-$root/.wire}"
kafka_version="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$root/infra/kafka/pom.xml")"
kafka_port="${WIRE_SECURE_KAFKA_PORT:-9094}"
controller_port="${WIRE_SECURE_CONTROLLER_PORT:-9095}"
redis_port="${WIRE_SECURE_REDIS_PORT:-6380}"
kafka_home="$data/kafka/$kafka_version"
kafka_run="$data/kafka/secure-$kafka_port"
redis_run="$data/redis-secure-$redis_port"
secure="$data/secure"

stack_name=secure-stack
kafka_heap=512m
# shellcheck source=infra/stack-common.sh
source "$root/infra/stack-common.sh"

# --- Certificates and passwords -----------------------------------------------

# One CA and one server certificate (127.0.0.1 and localhost) for both servers, a
# PKCS12 keystore for Kafka, and random passwords, each in its own file (mode 600).
ensure_secrets() {
  [ -f "$secure/.complete" ] && return 0
  command -v openssl >/dev/null || die "openssl is missing"
  log "generating a throwaway CA, server certificate and passwords in $secure"
  rm -rf "$secure" && mkdir -p "$secure" && chmod 700 "$secure"
  (
    cd "$secure"
    umask 077
    for name in kafka-keystore kafka-broker kafka-wire redis-wire; do
      openssl rand -hex 24 > "$name.password"
    done
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj '/CN=wire local test CA' \
      -keyout ca.key -out ca.crt 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -subj '/CN=localhost' \
      -keyout server.key -out server.csr 2>/dev/null
    printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n' > server.ext
    openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 3650 \
      -extfile server.ext -out server.crt 2>/dev/null
    openssl pkcs12 -export -name kafka -in server.crt -inkey server.key -certfile ca.crt \
      -passout "file:kafka-keystore.password" -out kafka.p12
    rm -f server.csr server.ext ca.srl
    chmod 644 ca.crt
  )
  # New credentials: storage formatted with the old SCRAM users must go.
  rm -rf "$kafka_run"
  touch "$secure/.complete"
}

# --- Redis ---------------------------------------------------------------------

redis_cli() {
  [ -f "$secure/redis-wire.password" ] || return 1
  REDISCLI_AUTH="$(cat "$secure/redis-wire.password")" redis-cli --tls --cacert "$secure/ca.crt" \
    -h 127.0.0.1 -p "$redis_port" --user wire --no-auth-warning "$@"
}

redis_answers() { [ "$(redis_cli ping 2>/dev/null)" = PONG ]; }

start_redis() {
  command -v redis-server >/dev/null || die "redis-server is missing: run infra/stack.sh start first"
  if port_open "$redis_port"; then
    redis_answers || die "something else listens on 127.0.0.1:$redis_port"
    log "redis (TLS) already answers on 127.0.0.1:$redis_port"
    return
  fi
  mkdir -p "$redis_run"
  # The configuration holds the ACL user's password: written with mode 600.
  (
    umask 077
    cat > "$redis_run/redis.conf" <<EOF
bind 127.0.0.1
port 0
tls-port $redis_port
tls-cert-file $secure/server.crt
tls-key-file $secure/server.key
tls-ca-cert-file $secure/ca.crt
tls-auth-clients no
daemonize yes
dir $redis_run
pidfile $redis_run/redis.pid
logfile $redis_run/redis.log
save ""
appendonly no
user default off
user wire on >$(cat "$secure/redis-wire.password") ~* &* +@all -@dangerous +info
EOF
  )
  redis-server "$redis_run/redis.conf"
  wait_for 20 "redis (TLS)" redis_answers
  log "redis (TLS only, ACL user wire) answers on 127.0.0.1:$redis_port"
}

stop_redis() {
  stop_by_pid_file "$redis_run/redis.pid" 20
  log "redis (TLS) stopped"
}

# --- Kafka ---------------------------------------------------------------------

write_kafka_properties() {
  (
    umask 077
    sed -e "s#@KAFKA_PORT@#$kafka_port#g" -e "s#@CONTROLLER_PORT@#$controller_port#g" \
      -e "s#@DATA_DIR@#$kafka_run/data#g" -e "s#@KEYSTORE@#$secure/kafka.p12#g" \
      -e "s#@CA_FILE@#$secure/ca.crt#g" -e "s#@BROKER_USER@#wire-broker#g" \
      -e "s#@KEYSTORE_PASSWORD@#$(cat "$secure/kafka-keystore.password")#g" \
      -e "s#@BROKER_PASSWORD@#$(cat "$secure/kafka-broker.password")#g" \
      "$root/infra/kafka/secure-server.properties.template" > "$kafka_run/server.properties"
  )
}

start_kafka() {
  [ -f "$kafka_home/.complete" ] || die "no Kafka jars in $kafka_home: run infra/stack.sh start first"
  if port_open "$kafka_port"; then log "kafka (SASL_SSL) already answers on 127.0.0.1:$kafka_port"; return; fi
  mkdir -p "$kafka_run/logs"
  write_kafka_properties
  if [ ! -f "$kafka_run/data/meta.properties" ]; then
    # The SCRAM users exist from the first metadata record on (KIP-900).
    local cluster_id
    cluster_id="$(kafka_jvm kafka.tools.StorageTool random-uuid)"
    kafka_jvm kafka.tools.StorageTool format --ignore-formatted -t "$cluster_id" \
      -c "$kafka_run/server.properties" \
      --add-scram "SCRAM-SHA-512=[name=wire-broker,password=$(cat "$secure/kafka-broker.password")]" \
      --add-scram "SCRAM-SHA-512=[name=wire,password=$(cat "$secure/kafka-wire.password")]" \
      > "$kafka_run/logs/format.log" 2>&1 ||
      { cat "$kafka_run/logs/format.log" >&2; die "formatting the Kafka storage failed"; }
  fi
  launch_broker
  local started=$SECONDS
  wait_for 120 "kafka (SASL_SSL)" kafka_ready
  log "kafka $kafka_version (SASL_SSL, SCRAM-SHA-512) answers on 127.0.0.1:$kafka_port after $((SECONDS - started))s"
}

stop_kafka() {
  stop_by_pid_file "$kafka_run/kafka.pid" 30
  log "kafka (SASL_SSL) stopped"
}

status() {
  if redis_answers; then echo "redis  up    127.0.0.1:$redis_port (TLS, user wire)"; else echo "redis  down  127.0.0.1:$redis_port"; fi
  if port_open "$kafka_port"; then echo "kafka  up    127.0.0.1:$kafka_port (SASL_SSL, SCRAM-SHA-512)"; else echo "kafka  down  127.0.0.1:$kafka_port"; fi
  echo "secrets      $secure (ca.crt, kafka-wire.password, redis-wire.password)"
}

case "${1:-}" in
  start) ensure_secrets; start_redis; start_kafka ;;
  stop) stop_kafka; stop_redis ;;
  status) status ;;
  reset) stop_kafka; stop_redis; rm -rf "$kafka_run" "$redis_run" "$secure"; log "data, certificates and passwords deleted" ;;
  *) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
