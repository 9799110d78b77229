#!/usr/bin/env bash
# Game-socket load: N pairs of players sign in, play private challenges with random legal moves over
# /ws/game, and the run prints connections, games and action -> turn_result latency (p50/p90/p99)
# beside a ping -> pong baseline on the same sockets. Needs a running server: the local stack
# (scripts/run.sh, port 9080, the default) or any loopback SOL Duel.
#
#   tools/load/run.sh [--base=http://localhost:9080] [--games=200] [--seconds=120] [--think-ms=300]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
CP_FILE="$ROOT/ear/target/load-classpath.txt"
cd "$ROOT"

echo "Compiling the load client (ear test sources)..." >&2
mvn -B -q -ntp -pl ear -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test >/dev/null

exec java -cp "$(cat "$CP_FILE"):$ROOT/ear/target/test-classes" com.solduel.load.GameLoad "$@"
