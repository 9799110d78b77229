#!/usr/bin/env bash
# Game-socket load: N pairs of players sign in, play private challenges with random legal moves over
# /ws/game, and the run prints connections, games and action -> turn_result latency (p50/p90/p99)
# beside a ping -> pong baseline on the same sockets. Needs a running server: the local stack
# (scripts/run.sh, port 9080, the default) or any loopback SOL Duel.
#
#   tools/load/run.sh [--base=http://localhost:9080] [--games=200] [--seconds=120] [--think-ms=300]
#                     [--pace-ms=0] [--idle=0] [--server-pid=auto] [--fanout=on|off]
#                     [--continuous=off|on] [--ramp-seconds=0] [--timeline=FILE.csv] [--timeline-seconds=10]
# The server's CPU and RSS are sampled from /proc during the games: its pid is found from the port
# it listens on unless --server-pid is given.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
CP_FILE="$ROOT/ear/target/load-classpath.txt"
cd "$ROOT"

echo "Compiling the load client (ear test sources)..." >&2
mvn -B -q -ntp -pl ear -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test >/dev/null

ARGS=("$@")
if ! printf '%s\n' "$@" | grep -q '^--server-pid='; then
  BASE=$(printf '%s\n' "$@" | sed -n 's/^--base=//p' | tail -1)
  PORT=$(echo "${BASE:-http://localhost:9080}" | sed -E 's#^[a-z]+://[^:/]+:?([0-9]*).*#\1#')
  PID=$(ss -Hltnp "sport = :${PORT:-80}" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2 || true)
  [ -n "$PID" ] && ARGS+=("--server-pid=$PID") || echo "(server pid not found from port ${PORT:-80}: no CPU/RSS figures)" >&2
fi

exec java -cp "$(cat "$CP_FILE"):$ROOT/ear/target/test-classes" com.solduel.load.GameLoad "${ARGS[@]}"
