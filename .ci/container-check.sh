#!/usr/bin/env bash
# The container stack, as far as this machine can check it.
# With a Docker engine: build the images and bring docker-compose.yml up to healthy.
# Without one: run each service's jar as the unprivileged user the image runs as, with the compose
# file's environment and paths, against the launcher's broker; check that they become healthy, that
# a need and an offer posted over HTTP are matched, that the matcher writes its state as that user,
# and that each service stops within 10 s of SIGTERM.
set -euo pipefail
cd "$(dirname "$0")/.."

if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
  docker compose up --build -d --wait
  docker compose ps
  docker compose down
  echo "container check: the compose stack came up healthy"
  exit 0
fi
echo "container check: no Docker engine here, so building the images and running docker-compose.yml was SKIPPED;"
echo "running the service jars as the image would instead (user aidmatch, the compose file's environment and paths)"

for p in 8080 8081 8082 19092; do
  if (exec 3<>/dev/tcp/localhost/$p) 2>/dev/null; then echo "port $p is taken: stop what listens there first"; exit 1; fi
done

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  rm -rf "$work" /var/lib/aidmatch /config
}
trap cleanup EXIT

id aidmatch >/dev/null 2>&1 || useradd --system --create-home aidmatch
# as the Dockerfile does: every mounted path exists, owned by the service's user
mkdir -p /var/lib/aidmatch/matcher-state /config
chown -R aidmatch:aidmatch /var/lib/aidmatch
cp aidmatch-local/src/main/resources/demo-api-keys.csv /config/api-keys.csv
chmod 644 /config/api-keys.csv
for module in aid-request-service offer-service matcher-service; do
  cp "$module"/target/"$module"-*-exec.jar "$work/$module.jar"
done
chmod 755 "$work"; chmod 644 "$work"/*.jar

java -jar aidmatch-local/target/aidmatch-local.jar broker --data-dir="$work/data" --kafka-port=19092 >"$work/broker.log" 2>&1 &
pids+=($!)
for _ in $(seq 60); do (exec 3<>/dev/tcp/localhost/19092) 2>/dev/null && break; sleep 1; done

declare -A port=([aid-request-service]=8081 [offer-service]=8082 [matcher-service]=8080)
declare -A pid
for module in aid-request-service offer-service matcher-service; do
  # setpriv runs java itself as aidmatch (runuser would stay between, as root)
  setpriv --reuid=aidmatch --regid=aidmatch --init-groups env \
    SPRING_KAFKA_BOOTSTRAP_SERVERS=localhost:19092 \
    AIDMATCH_SECURITY_API_KEYS_FILE=/config/api-keys.csv \
    SPRING_KAFKA_STREAMS_STATE_DIR=/var/lib/aidmatch/matcher-state \
    java -XX:MaxRAMPercentage=75 -jar "$work/$module.jar" >"$work/$module.log" 2>&1 &
  pid[$module]=$!
  pids+=($!)
done

healthy() { curl -fsS "http://localhost:$1/actuator/health" >/dev/null 2>&1; }
for module in aid-request-service offer-service matcher-service; do
  for _ in $(seq 120); do healthy "${port[$module]}" && break; sleep 1; done
  healthy "${port[$module]}" || { echo "$module never became healthy"; tail -50 "$work/$module.log"; exit 1; }
  echo "container check: $module healthy as user $(ps -o user= -p "${pid[$module]}" 2>/dev/null || echo '?')"
done
[ "$(ps -o user= -p "${pid[matcher-service]}" | tr -d ' ')" = aidmatch ] || { echo "the matcher does not run as aidmatch"; exit 1; }

post() { # url key body: prints the answer, fails unless it is a 201
  local status
  status=$(curl -sS -o "$work/answer.json" -w '%{http_code}' -X POST "$1" -H "X-Api-Key: $2" \
    -H 'Content-Type: application/json' -d "$3")
  [ "$status" = 201 ] || { echo "POST $1 answered $status: $(cat "$work/answer.json")" >&2; exit 1; }
  cat "$work/answer.json"
}
post localhost:8081/api/v1/requests demo-requester-kenyatta \
  '{"supplyType":"PPE-GOWN","quantity":30,"country":"KE"}' >"$work/request.json"
post localhost:8082/api/v1/offers demo-donor-silkroad \
  '{"supplyType":"PPE-GOWN","quantity":30,"serviceArea":["014"]}' >/dev/null
id=$(sed -E 's/.*"id":"([^"]+)".*/\1/' "$work/request.json")
for _ in $(seq 60); do
  curl -fsS "localhost:8081/api/v1/requests/$id" -H 'X-Api-Key: demo-requester-kenyatta' | grep -q '"status":"MATCHED"' && break
  sleep 1
done
curl -fsS "localhost:8081/api/v1/requests/$id" -H 'X-Api-Key: demo-requester-kenyatta' | grep -q '"status":"MATCHED"' \
  || { echo "the need was not matched"; exit 1; }
echo "container check: a need and an offer posted over HTTP were matched"
owner=$(find /var/lib/aidmatch/matcher-state -mindepth 1 -printf '%u\n' | sort -u | tr '\n' ' ')
[ "$owner" = "aidmatch " ] || { echo "matcher state is owned by: $owner"; exit 1; }
echo "container check: the matcher wrote its state under /var/lib/aidmatch/matcher-state as aidmatch"

for module in matcher-service offer-service aid-request-service; do
  start=$(date +%s%N)
  kill -TERM "${pid[$module]}"
  for _ in $(seq 150); do kill -0 "${pid[$module]}" 2>/dev/null || break; sleep 0.1; done
  kill -0 "${pid[$module]}" 2>/dev/null && { echo "$module still running 15 s after SIGTERM"; exit 1; }
  took=$(( ($(date +%s%N) - start) / 1000000 ))
  [ "$took" -lt 10000 ] || { echo "$module took $took ms to stop"; exit 1; }
  echo "container check: $module stopped $took ms after SIGTERM"
done
