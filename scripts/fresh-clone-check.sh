#!/usr/bin/env bash
# Does exactly what the README tells a newcomer, in a fresh clone of the committed tree:
#   npm start  → Shield answers on http://localhost:PORT with its data in ./data and prints a set-up link
#   npm test   → the whole suite passes
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
dir=$(mktemp -d /tmp/shield-fresh-XXXXXX)
# npm start runs shield as a child: stop the whole process tree, not only npm.
stop_server() { pkill -f "$dir/shield/src/cli/main.ts" 2>/dev/null || true; kill $server 2>/dev/null || true; }
trap 'stop_server; rm -rf "$dir"' EXIT
git clone -q "$src" "$dir/shield"
cd "$dir/shield"
port=$((20000 + RANDOM % 20000))

PORT=$port npm start > "$dir/start.log" 2>&1 &
server=$!
for _ in $(seq 1 240); do
  if grep -q "setup#token=" "$dir/start.log" 2>/dev/null; then break; fi
  if ! kill -0 $server 2>/dev/null; then cat "$dir/start.log"; echo "fresh clone: npm start exited"; exit 1; fi
  sleep 1
done
grep -q "setup#token=" "$dir/start.log" || { cat "$dir/start.log"; echo "fresh clone: no set-up link printed"; exit 1; }
curl -fsS "http://127.0.0.1:$port/healthz" | grep -q '"status":"ok"' || { echo "fresh clone: /healthz not ok"; exit 1; }
[ -d data/pglite ] || { echo "fresh clone: no ./data/pglite"; exit 1; }
curl -fsS -H 'accept: text/html' "http://127.0.0.1:$port/record" | grep -q '/assets/index-' || { echo "fresh clone: the browser app was not built and served"; exit 1; }
echo "fresh clone: npm start works (set-up link printed, /healthz ok, the browser app served, data in ./data)"
stop_server; wait $server 2>/dev/null || true

env -u SHIELD_TEST_PG_URL npm test
echo "fresh clone: npm test passed"
