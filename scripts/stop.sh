#!/usr/bin/env bash
# Stops the local SOL Duel servers (node A 'solduel' and, after run.sh --nodes=2, node B 'solduel-b') and the
# Solana localnet and the local S3 server started by scripts/run.sh. PostgreSQL and Redis keep running.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
step "Stopping Open Liberty (servers 'solduel' and 'solduel-b'; one not running is skipped)"
mvn -B -ntp -q -pl ear -Plocal liberty:stop liberty:stop@stop-node-b
if [ -f "$LOCAL/localnet.pid" ]; then
  step "Stopping the Solana localnet"
  kill "$(cat "$LOCAL/localnet.pid")" 2>/dev/null || true
  rm -f "$LOCAL/localnet.pid"
fi
if [ -f "$LOCAL/s3.pid" ]; then
  step "Stopping the local S3 server"
  kill "$(cat "$LOCAL/s3.pid")" 2>/dev/null || true
  rm -f "$LOCAL/s3.pid"
fi
