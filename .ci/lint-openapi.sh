#!/usr/bin/env bash
# Lints the OpenAPI documents the three services serve, as a running stack serves them, with
# Spectral's spectral:oas ruleset (.spectral.yaml); any warning fails.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v npm >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi
tools=$(mktemp -d)
data=$(mktemp -d)
launcher=""
cleanup() {
  if [ -n "$launcher" ]; then
    kill "$launcher" 2>/dev/null || true
    wait "$launcher" 2>/dev/null || true # the launcher's own status on SIGTERM is not ours
  fi
  rm -rf "$tools" "$data"
}
trap cleanup EXIT
npm install --silent --no-audit --no-fund --prefix "$tools" @stoplight/spectral-cli@6.16.3 >/dev/null

java -jar aidmatch-local/target/aidmatch-local.jar --data-dir="$data" --kafka-port=19392 \
  --request-port=18181 --offer-port=18182 --matcher-port=18180 >"$data/stack.log" 2>&1 &
launcher=$!
for port in 18181 18182 18180; do
  for _ in $(seq 120); do curl -fsS "http://localhost:$port/v3/api-docs" -o "$data/$port.json" 2>/dev/null && break; sleep 1; done
  [ -s "$data/$port.json" ] || { echo "no API document on port $port"; tail -40 "$data/stack.log"; exit 1; }
done
"$tools/node_modules/.bin/spectral" lint --ruleset .spectral.yaml --fail-severity=warn \
  "$data/18181.json" "$data/18182.json" "$data/18180.json"
echo "OpenAPI documents of the three services: no Spectral warnings"
