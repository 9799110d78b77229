#!/usr/bin/env bash
# Stops the local SOL Duel server and Solana localnet started by scripts/run.sh. PostgreSQL and Redis keep running.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
step "Stopping Open Liberty (server 'solduel')"
mvn -B -ntp -q -pl ear -Plocal liberty:stop
if [ -f "$LOCAL/localnet.pid" ]; then
  step "Stopping the Solana localnet"
  kill "$(cat "$LOCAL/localnet.pid")" 2>/dev/null || true
  rm -f "$LOCAL/localnet.pid"
fi
