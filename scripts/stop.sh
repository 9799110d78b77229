#!/usr/bin/env bash
# Stops the local SOL Duel server started by scripts/run.sh. PostgreSQL and Redis keep running.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
step "Stopping Open Liberty (server 'solduel')"
mvn -B -ntp -q -pl ear -Plocal liberty:stop
