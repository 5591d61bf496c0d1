#!/usr/bin/env bash
# How long the local stack takes to be healthy, and how much memory it holds (RSS), on this machine.
# Usage: aidmatch-bench/stack-footprint.sh   (after ./mvnw -q -B -DskipTests package)
# JVM options go in JAVA_OPTS, e.g. JAVA_OPTS=-XX:TieredStopAtLevel=1 aidmatch-bench/stack-footprint.sh
set -euo pipefail
cd "$(dirname "$0")/.."
jar=aidmatch-local/target/aidmatch-local.jar
[ -f "$jar" ] || { echo "build first: ./mvnw -q -B -DskipTests package" >&2; exit 2; }
data=$(mktemp -d)
kafka_port=${KAFKA_PORT:-19092}
start=$(date +%s.%N)
# shellcheck disable=SC2086 # JAVA_OPTS holds several options
java ${JAVA_OPTS:-} -jar "$jar" --data-dir="$data" --kafka-port="$kafka_port" > "$data/stack.log" 2>&1 < /dev/null &
pid=$!
trap 'kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
healthy() {
  for port in 8080 8081 8082; do
    curl -fsS "localhost:$port/actuator/health" 2>/dev/null | grep -q '"UP"' || return 1
  done
}
until healthy; do
  sleep 0.2
  kill -0 $pid 2>/dev/null || { echo "the stack died; see $data/stack.log" >&2; exit 1; }
done
ready=$(date +%s.%N)
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$pid/status"; }
idle=$(rss_kb)
for i in $(seq 1 200); do
  curl -fsS -o /dev/null -X POST localhost:8081/api/v1/requests -H 'X-Api-Key: demo-requester-kenyatta' \
    -H 'Content-Type: application/json' -d '{"supplyType":"PPE-GOWN","quantity":10,"country":"KE"}'
  curl -fsS -o /dev/null -X POST localhost:8082/api/v1/offers -H 'X-Api-Key: demo-donor-silkroad' \
    -H 'Content-Type: application/json' -d '{"supplyType":"PPE-GOWN","quantity":10,"serviceArea":["014"]}'
done
loaded=$(rss_kb)
printf 'healthy after %.1f s; RSS %d MiB idle, %d MiB after 400 posts (one JVM: broker and three services)\n' \
  "$(awk "BEGIN { print $ready - $start }")" $((idle / 1024)) $((loaded / 1024))
