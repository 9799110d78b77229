#!/usr/bin/env bash
# The pairing benchmark (SPEC §14: 10,000 queued players paired within 1 s): the production Lua
# pairing script against a real Redis. Starts its own redis-server on a free port unless --redis is
# given. Prints per-round times; docs/benchmarks.md ("Matchmaking") records the figures.
#
#   tools/matchmaking/bench.sh [--players=10000] [--rounds=5] [--redis=127.0.0.1:6379]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
CP_FILE="$ROOT/ejb-game/target/bench-classpath.txt"
cd "$ROOT"

echo "Compiling ejb-game and its tests..." >&2
mvn -B -q -ntp -pl game-core,ejb-game -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test >/dev/null

exec java -cp "$(cat "$CP_FILE"):$ROOT/ejb-game/target/classes:$ROOT/ejb-game/target/test-classes" \
    com.solduel.matchmaking.PairingBench "$@"
