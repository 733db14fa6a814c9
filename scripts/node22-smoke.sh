#!/usr/bin/env bash
# CI: the engines range is Node >= 20; besides the machine's Node, start the built service under
# Node 22 LTS (the npm package node@22 ships the binary) on a fresh embedded database, then hit
# /health and one authenticated request. Fails if any step fails.
set -euo pipefail
cd "$(dirname "$0")/.."

# The binary itself, not npx: `$!` below must be the service, or the trap's kill ends npx and
# leaves the service running for the rest of the CI run.
NODE22=("$(npx -y -p node@22 node -p process.execPath)")
echo "Node 22: $("${NODE22[@]}" --version)"
npm run -s build
DATA=$(mktemp -d)
PORT=$("${NODE22[@]}" -e "const s=require('net').createServer().listen(0,()=>{console.log(s.address().port);s.close()})")
PORT=$PORT DATA_DIR=$DATA JOBS_ENABLED=false "${NODE22[@]}" dist/main.js >"$DATA/service.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; rm -rf "$DATA"' EXIT
for _ in $(seq 1 120); do
  curl -sf "localhost:$PORT/health" >/dev/null && break
  kill -0 $PID 2>/dev/null || { cat "$DATA/service.log"; exit 1; }
  sleep 1
done
curl -sf "localhost:$PORT/health"
echo
TOKEN=$("${NODE22[@]}" dist/cli/token.js --permissions CASE_PRIORITY_VIEW --client demo)
curl -sf "localhost:$PORT/api/v1/priorities" -H "Authorization: Bearer $TOKEN" | grep -q '"HIGH"'
echo "Node 22 smoke: /health and an authenticated request answered"
