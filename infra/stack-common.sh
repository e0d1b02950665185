# shellcheck shell=bash
# What infra/stack.sh and infra/secure-stack.sh share: messages, waiting for a
# port, running Kafka's JVM from the jars Maven resolved, and stopping a process
# by its pid file. Sourced after the caller set stack_name, root, kafka_home and
# kafka_run (and kafka_heap, the JVM's largest heap), and data (where .wire is).

log() { printf '\033[1;34m[%s]\033[0m %s\n' "$stack_name" "$*" >&2; }
die() { printf '\033[1;31m[%s]\033[0m %s\n' "$stack_name" "$*" >&2; exit 1; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_for() { # seconds description command...
  local seconds=$1 what=$2; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@"; do
    [ "$SECONDS" -lt "$deadline" ] || die "$what did not answer within ${seconds}s"
    sleep 0.2
  done
}

kafka_jvm() { # main-class args...: java with Kafka's class path (replacing the shell with KAFKA_EXEC=1)
  ${KAFKA_EXEC:+exec} java -Xms128m "-Xmx$kafka_heap" -XX:+UseG1GC -Djava.awt.headless=true \
    -Dkafka.logs.dir="$kafka_run/logs" \
    -Dlog4j2.configurationFile="$root/infra/kafka/log4j2.properties" \
    -cp "$kafka_home/libs/*" "$@"
}

kafka_ready() { port_open "$kafka_port" && grep -q 'Kafka Server started' "$kafka_run/logs/server.log" 2>/dev/null; }

launch_broker() { # starts kafka.Kafka on $kafka_run/server.properties in the background
  : > "$kafka_run/logs/server.log"
  # Its own session, so the broker outlives the shell that started it.
  export -f kafka_jvm
  export root kafka_home kafka_run kafka_heap KAFKA_EXEC
  # The pid file names the JVM itself: the shell hands its process over (exec).
  KAFKA_EXEC=1 setsid bash -c 'echo $$ > "$kafka_run/kafka.pid"; kafka_jvm kafka.Kafka "$kafka_run/server.properties"' \
    > "$kafka_run/logs/stdout.log" 2>&1 < /dev/null &
}

stop_by_pid_file() { # pid-file seconds: TERM, then KILL after that long
  local pid
  pid="$(cat "$1" 2>/dev/null || true)"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 1 $(($2 * 5))); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
  fi
  rm -f "$1"
}

fetch_kafka() { # the jars of the pinned Kafka, once, into $kafka_home
  [ -f "$kafka_home/.complete" ] && return 0
  command -v java >/dev/null || die "java is missing: Kafka $kafka_version needs Java 17"
  command -v mvn >/dev/null || die "mvn is missing: the Kafka jars come from Maven Central"
  log "resolving Kafka $kafka_version jars from Maven Central"
  rm -rf "$kafka_home" && mkdir -p "$kafka_home"
  mkdir -p "$data/kafka"
  mvn -B -ntp -Dstyle.color=never -f "$root/infra/kafka/pom.xml" dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$kafka_home/libs" > "$data/kafka/maven.log" 2>&1 ||
    { tail -40 "$data/kafka/maven.log" >&2; die "Maven could not resolve Kafka $kafka_version (log: $data/kafka/maven.log)"; }
  touch "$kafka_home/.complete"
}

