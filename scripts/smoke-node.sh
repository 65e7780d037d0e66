#!/usr/bin/env bash
# Smoke test on another Node.js line (#9 item 9): runs the start command (embedded PostgreSQL,
# migrations, demo data) with the given node binary, waits until it serves, signs in and reads the
# ledger, stops it with SIGTERM and checks it stopped cleanly; then the domain's unit tests on it.
# Usage: scripts/smoke-node.sh /path/to/node
# Prints "smoke <version>: ok" and exits 0, or says what failed and exits 1.
set -uo pipefail
cd "$(dirname "$0")/.."
NODE=${1:?usage: smoke-node.sh /path/to/node}
version=$("$NODE" --version)
dir=$(mktemp -d /tmp/complaints-smoke.XXXXXX)
chmod 755 "$dir"
port=$("$NODE" -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
password='Smoke-Passw0rd!'
fail() {
  echo "smoke $version: FAILED: $*"
  tail -30 "$dir/server.log" 2>/dev/null
  [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null
  rm -rf "$dir"
  exit 1
}

DATA_DIR="$dir/data" PORT=$port HOST=127.0.0.1 DEMO_PASSWORD=$password LOG_LEVEL=warn NODE_ENV=development \
  "$NODE" --import tsx src/cli/start.ts >"$dir/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 240); do
  curl -sf "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || fail "the server exited while starting"
  sleep 0.5
done
curl -sf "http://127.0.0.1:$port/readyz" >/dev/null || fail "not ready after 120 s"
cookies="$dir/cookies"
login=$(curl -s -c "$cookies" -H 'content-type: application/json' -d "{\"username\":\"agent\",\"password\":\"$password\"}" "http://127.0.0.1:$port/api/auth/login")
echo "$login" | grep -q csrfToken || fail "sign-in: $login"
ledger=$(curl -s -b "$cookies" "http://127.0.0.1:$port/api/complaints?limit=5")
echo "$ledger" | grep -q '"items"' || fail "ledger: ${ledger:0:200}"
kill -TERM "$pid"
wait "$pid"
status=$?
[ $status -eq 0 ] || fail "exit status $status after SIGTERM"
grep -qiE 'unhandled|ECONNRESET' "$dir/server.log" && fail "errors in the log after SIGTERM"
rm -rf "$dir"
"$NODE" node_modules/vitest/vitest.mjs run src/domain --reporter=dot >"/tmp/smoke-unit-$version.log" 2>&1 \
  || { tail -30 "/tmp/smoke-unit-$version.log"; echo "smoke $version: FAILED: domain unit tests"; exit 1; }
echo "smoke $version: ok"
